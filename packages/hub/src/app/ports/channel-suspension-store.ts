import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { ChannelStep } from "../../domain/channels/channel-step.ts";
import type { ChannelState } from "../../domain/channels/channel-suspension.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import type { Participant } from "../../domain/participant/participant.ts";

/** A step to record, with what it changes in the current state. */
export type ChannelChange =
  /** Suspends the step's capabilities under its reason and policy. */
  | { readonly kind: "suspend" }
  /** Restores the step's capabilities. */
  | { readonly kind: "lift" }
  /** Terminates the participant and clears its suspensions: nothing is allowed any more. */
  | { readonly kind: "terminate" };

/**
 * Channels' suspension state and history. Each write records the step, changes the state,
 * writes the channel's webhook event into the outbox and appends the audit entry in one
 * transaction, and only if the participant still has the status the caller judged by and the
 * capabilities are as the caller saw them: otherwise it writes nothing and answers false.
 */
export interface ChannelSuspensionStore {
  /** The participant and its channel state; undefined for an unknown participant. */
  readState(
    participantId: string,
  ): Promise<{ participant: Participant; state: ChannelState } | undefined>;
  record(
    step: ChannelStep,
    change: ChannelChange,
    expected: Participant["status"],
    event: PreparedEvent,
    audit: AuditRecord,
  ): Promise<boolean>;
  /** The newest steps first, at most `limit`. */
  listSteps(participantId: string, limit: number): Promise<ChannelStep[]>;
}
