import { randomUUID } from "node:crypto";
import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { ChannelCapability } from "../../domain/channels/channel-capability.ts";
import { channelStepEvent } from "../../domain/channels/channel-event.ts";
import { isChannelKind } from "../../domain/channels/channel-kind.ts";
import {
  type ChannelRefusalCode,
  type ChannelRequest,
  type ChannelVerdict,
  channelMay,
} from "../../domain/channels/channel-may.ts";
import type { ChannelStep, ChannelStepKind } from "../../domain/channels/channel-step.ts";
import {
  type ChannelState,
  capabilitiesToLift,
  checkSuspension,
  checkTermination,
  type LiftRefusal,
  normalisedCapabilities,
  type PaymentPolicy,
  type PolicyInputRefusal,
  type SuspensionRefusal,
  type SuspensionRequest,
  type TerminationRefusal,
} from "../../domain/channels/channel-suspension.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { ChannelChange, ChannelSuspensionStore } from "../ports/channel-suspension-store.ts";

export type ChannelSuspensionErrorCode =
  | "participant_not_found"
  | "participant_not_channel"
  | "suspension_changed_concurrently"
  | SuspensionRefusal
  | LiftRefusal
  | TerminationRefusal
  | PolicyInputRefusal
  /** What the channel API answers a refused channel (see `channelMay`). */
  | Exclude<ChannelRefusalCode, "participant_inactive">;

/** The one question the channel's use-cases ask before they write or call anything. */
export type ChannelPermission = Pick<ChannelSuspensionService, "may">;

export type ChannelOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: ChannelSuspensionErrorCode };

export interface ChannelView {
  readonly participant: Participant;
  readonly state: ChannelState;
  /** The newest steps first. */
  readonly history: readonly ChannelStep[];
}

/** The operator's page shows this many steps; older ones stay in the store and the audit log. */
export const channelHistoryLengthMax = 100;

const auditActions: Record<ChannelStepKind, AuditAction> = {
  suspended: "channel.suspend",
  lifted: "channel.lift",
  terminated: "channel.terminate",
};

function fail<T>(code: ChannelSuspensionErrorCode): ChannelOutcome<T> {
  return { ok: false, code };
}

function policyDetails(policy: PaymentPolicy | null): AuditDetails {
  if (policy === null) return {};
  return {
    policy: policy.kind,
    honourDeadline:
      policy.kind === "honour_presented" ? new Date(policy.deadlineMs).toISOString() : null,
  };
}

/**
 * The operator's suspensions and terminations of channels, and the one question the channel API
 * asks before serving a channel. Each step is recorded with its audit entry and the channel's
 * webhook in one transaction (see the store), judged against the state it was checked on.
 */
export class ChannelSuspensionService {
  constructor(
    private readonly store: ChannelSuspensionStore,
    private readonly clock: () => number = Date.now,
    private readonly newId: () => string = randomUUID,
    /** Told after a termination, so signers held in memory are read again at once. */
    private readonly onStatusChanged: () => void = () => {},
  ) {}

  /**
   * Whether the channel may do this now. The channel API asks only for participants it has
   * authenticated; one that is gone by the time it asks is refused as inactive.
   */
  async may(channelId: string, request: ChannelRequest): Promise<ChannelVerdict> {
    const read = await this.store.readState(channelId);
    if (read === undefined) return { allowed: false, code: "participant_inactive" };
    return channelMay(read.state, request, this.clock());
  }

  async view(channelId: string): Promise<ChannelOutcome<ChannelView>> {
    const read = await this.readChannel(channelId);
    if (!read.ok) return read;
    const history = await this.store.listSteps(channelId, channelHistoryLengthMax);
    return { ok: true, value: { ...read.value, history } };
  }

  async suspend(
    channelId: string,
    request: SuspensionRequest,
    actor: AuditActor,
  ): Promise<ChannelOutcome<ChannelStep>> {
    const read = await this.readChannel(channelId);
    if (!read.ok) return read;
    const nowMs = this.clock();
    const refusal = checkSuspension(read.value.state, request, nowMs);
    if (refusal !== undefined) return fail(refusal);
    const step = this.step(channelId, "suspended", actor, nowMs, {
      capabilities: normalisedCapabilities(request.capabilities),
      reason: request.reason,
      policy: request.policy,
    });
    return this.record(step, { kind: "suspend" }, read.value.participant);
  }

  /** Restores the named capabilities, or every suspended one when none are named. */
  async lift(
    channelId: string,
    named: readonly ChannelCapability[] | undefined,
    actor: AuditActor,
  ): Promise<ChannelOutcome<ChannelStep>> {
    const read = await this.readChannel(channelId);
    if (!read.ok) return read;
    const lifted = capabilitiesToLift(read.value.state, named);
    if (!lifted.ok) return fail(lifted.code);
    const step = this.step(channelId, "lifted", actor, this.clock(), {
      capabilities: lifted.capabilities,
      reason: null,
      policy: null,
    });
    return this.record(step, { kind: "lift" }, read.value.participant);
  }

  /** Why termination would be refused now, checked before a proposal is recorded. */
  async checkTermination(
    channelId: string,
    reason: string,
  ): Promise<ChannelSuspensionErrorCode | undefined> {
    const read = await this.readChannel(channelId);
    if (!read.ok) return read.code;
    return checkTermination(read.value.state, reason);
  }

  /** Final: the participant is terminated and every honour window closes with it. */
  async terminate(
    channelId: string,
    reason: string,
    actor: AuditActor,
  ): Promise<ChannelOutcome<ChannelStep>> {
    const read = await this.readChannel(channelId);
    if (!read.ok) return read;
    const refusal = checkTermination(read.value.state, reason);
    if (refusal !== undefined) return fail(refusal);
    const suspended = read.value.state.suspensions.map((suspension) => suspension.capability);
    const step = this.step(channelId, "terminated", actor, this.clock(), {
      capabilities: normalisedCapabilities(suspended),
      reason,
      policy: null,
    });
    const recorded = await this.record(step, { kind: "terminate" }, read.value.participant);
    if (recorded.ok) this.onStatusChanged();
    return recorded;
  }

  private async readChannel(
    channelId: string,
  ): Promise<ChannelOutcome<{ participant: Participant; state: ChannelState }>> {
    const read = await this.store.readState(channelId);
    if (read === undefined) return fail("participant_not_found");
    if (!isChannelKind(read.participant.kind)) return fail("participant_not_channel");
    return { ok: true, value: read };
  }

  private step(
    channelId: string,
    kind: ChannelStepKind,
    actor: AuditActor,
    atMs: number,
    what: Pick<ChannelStep, "capabilities" | "reason" | "policy">,
  ): ChannelStep {
    return { id: this.newId(), channelId, kind, actor, atMs, ...what };
  }

  private async record(
    step: ChannelStep,
    change: ChannelChange,
    participant: Participant,
  ): Promise<ChannelOutcome<ChannelStep>> {
    const audit: AuditRecord = {
      at: step.atMs,
      actor: step.actor,
      action: auditActions[step.kind],
      subject: `participant:${step.channelId}`,
      details: {
        stepId: step.id,
        capabilities: [...step.capabilities],
        ...(step.reason === null ? {} : { reason: step.reason }),
        ...policyDetails(step.policy),
        ...(change.kind === "terminate" ? { from: participant.status, to: "terminated" } : {}),
      },
    };
    const event = channelStepEvent(step);
    const recorded = await this.store.record(step, change, participant.status, event, audit);
    return recorded ? { ok: true, value: step } : fail("suspension_changed_concurrently");
  }
}
