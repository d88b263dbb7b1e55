import type { ParticipantStatus } from "../participant/participant.ts";
import { isStorableText } from "../storable-text.ts";
import {
  type ChannelCapability,
  channelCapabilityNames,
  presentedBillCapability,
} from "./channel-capability.ts";

/**
 * What becomes of a suspended channel's payments. `reject`: none goes through. `honour_presented`:
 * a payment quoting a bill the hub presented to the channel before the suspension is processed
 * until the deadline, because the channel's user may already have paid the channel for it (the
 * seed's channel went on taking payments for days after its cut-off); new inquiries are refused,
 * so no new bill can be presented, and nothing passes after the deadline.
 */
export type PaymentPolicy =
  | { readonly kind: "reject" }
  | { readonly kind: "honour_presented"; readonly deadlineMs: number };

export type PaymentPolicyKind = PaymentPolicy["kind"];
export const paymentPolicyKinds: readonly PaymentPolicyKind[] = ["reject", "honour_presented"];

/** One suspended capability of a channel, as the operator set it. */
export interface CapabilitySuspension {
  readonly capability: ChannelCapability;
  readonly reason: string;
  readonly policy: PaymentPolicy;
  readonly suspendedAtMs: number;
}

/**
 * All a channel's requests are judged by: its participant status (suspended or terminated
 * participants are refused everything) and its suspended capabilities, at most one each.
 */
export interface ChannelState {
  readonly status: ParticipantStatus;
  readonly suspensions: readonly CapabilitySuspension[];
}

export interface SuspensionRequest {
  readonly capabilities: readonly ChannelCapability[];
  readonly reason: string;
  readonly policy: PaymentPolicy;
}

/** The reason is shown to the channel and kept in the audit log: short, whole characters. */
export const suspensionReasonLengthMax = 500;
/** A channel's users are owed a prompt end: honour windows last at most 30 days. */
export const honourWindowMaxMs = 30 * 24 * 60 * 60 * 1000;

export type SuspensionRefusal =
  | "channel_terminated"
  | "suspension_capabilities_empty"
  | "suspension_reason_invalid"
  | "honour_policy_not_applicable"
  | "honour_deadline_past"
  | "honour_deadline_too_far"
  | "capability_already_suspended";

export type LiftRefusal =
  | "channel_terminated"
  | "suspension_capabilities_empty"
  | "channel_not_suspended"
  | "capability_not_suspended";

export type TerminationRefusal = "participant_terminated" | "suspension_reason_invalid";

export function isSuspensionReasonValid(reason: string): boolean {
  return (
    reason.trim().length > 0 && reason.length <= suspensionReasonLengthMax && isStorableText(reason)
  );
}

export function suspensionOf(
  state: ChannelState,
  capability: ChannelCapability,
): CapabilitySuspension | undefined {
  return state.suspensions.find((suspension) => suspension.capability === capability);
}

/** Capabilities in the order of the closed set, each once: the stored and shown form. */
export function normalisedCapabilities(
  capabilities: readonly ChannelCapability[],
): ChannelCapability[] {
  return channelCapabilityNames.filter((name) => capabilities.includes(name));
}

/**
 * Why a suspension cannot be made, or undefined. Checked in this order so one request always
 * earns the same code. Suspending a capability twice is refused rather than merged: each
 * suspension keeps the instant that decides which bills were presented before it.
 */
export function checkSuspension(
  state: ChannelState,
  request: SuspensionRequest,
  nowMs: number,
): SuspensionRefusal | undefined {
  if (state.status === "terminated") return "channel_terminated";
  if (request.capabilities.length === 0) return "suspension_capabilities_empty";
  if (!isSuspensionReasonValid(request.reason)) return "suspension_reason_invalid";
  const { policy } = request;
  if (policy.kind === "honour_presented") {
    if (!request.capabilities.includes(presentedBillCapability)) {
      return "honour_policy_not_applicable";
    }
    if (policy.deadlineMs <= nowMs) return "honour_deadline_past";
    if (policy.deadlineMs - nowMs > honourWindowMaxMs) return "honour_deadline_too_far";
  }
  if (request.capabilities.some((capability) => suspensionOf(state, capability) !== undefined)) {
    return "capability_already_suspended";
  }
  return undefined;
}

/**
 * The capabilities a lift restores, or why it cannot: all suspended ones when none are named,
 * else exactly those named, each of which must be suspended.
 */
export function capabilitiesToLift(
  state: ChannelState,
  named: readonly ChannelCapability[] | undefined,
): { ok: true; capabilities: ChannelCapability[] } | { ok: false; code: LiftRefusal } {
  if (state.status === "terminated") return { ok: false, code: "channel_terminated" };
  if (named !== undefined && named.length === 0) {
    return { ok: false, code: "suspension_capabilities_empty" };
  }
  if (state.suspensions.length === 0) return { ok: false, code: "channel_not_suspended" };
  if (named === undefined) {
    const all = state.suspensions.map((suspension) => suspension.capability);
    return { ok: true, capabilities: normalisedCapabilities(all) };
  }
  if (named.some((capability) => suspensionOf(state, capability) === undefined)) {
    return { ok: false, code: "capability_not_suspended" };
  }
  return { ok: true, capabilities: normalisedCapabilities(named) };
}

export function checkTermination(
  state: ChannelState,
  reason: string,
): TerminationRefusal | undefined {
  if (state.status === "terminated") return "participant_terminated";
  if (!isSuspensionReasonValid(reason)) return "suspension_reason_invalid";
  return undefined;
}

export type PolicyInputRefusal = "honour_deadline_missing" | "honour_deadline_unexpected";

/** A policy from its parts as a request states them: a deadline exactly when honouring. */
export function paymentPolicyFrom(
  kind: PaymentPolicyKind,
  deadlineMs: number | undefined,
): { ok: true; policy: PaymentPolicy } | { ok: false; code: PolicyInputRefusal } {
  if (kind === "reject") {
    return deadlineMs === undefined
      ? { ok: true, policy: { kind } }
      : { ok: false, code: "honour_deadline_unexpected" };
  }
  return deadlineMs === undefined
    ? { ok: false, code: "honour_deadline_missing" }
    : { ok: true, policy: { kind, deadlineMs } };
}
