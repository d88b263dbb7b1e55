import { type ChannelCapability, presentedBillCapability } from "./channel-capability.ts";
import { type ChannelState, suspensionOf } from "./channel-suspension.ts";

/** A channel's request as the channel API asks about it. */
export interface ChannelRequest {
  readonly capability: ChannelCapability;
  /** When the hub presented the bill the request quotes; absent when it quotes none. */
  readonly billPresentedAtMs?: number | undefined;
}

/**
 * The answer, refusals in precedence order: a terminated channel may do nothing; a suspended
 * participant nothing either (the participant API already refuses it as `participant_inactive`);
 * a suspended capability is refused unless the honour policy covers the request, and once the
 * honour deadline has passed the refusal says so.
 */
export type ChannelVerdict =
  | { readonly allowed: true; readonly honoured: boolean }
  | { readonly allowed: false; readonly code: "channel_terminated" | "participant_inactive" }
  | {
      readonly allowed: false;
      readonly code: "channel_suspended";
      readonly capability: ChannelCapability;
    }
  | {
      readonly allowed: false;
      readonly code: "honour_deadline_passed";
      readonly capability: ChannelCapability;
      readonly deadlineMs: number;
    };

/** What the channel API answers a refused request, as a stable problem code. */
export type ChannelRefusalCode = Extract<ChannelVerdict, { allowed: false }>["code"];

/**
 * Whether the channel may do this now: the one question the channel API asks. A bill presented
 * at the instant of the suspension counts as presented after it, and the honour window is
 * half-open, ending exactly at the deadline: both edges refuse, so no payment for a bill
 * presented after a suspension, nor after the deadline, is ever let through.
 */
export function channelMay(
  state: ChannelState,
  request: ChannelRequest,
  nowMs: number,
): ChannelVerdict {
  if (state.status === "terminated") return { allowed: false, code: "channel_terminated" };
  if (state.status === "suspended") return { allowed: false, code: "participant_inactive" };
  const { capability, billPresentedAtMs } = request;
  const suspension = suspensionOf(state, capability);
  if (suspension === undefined) return { allowed: true, honoured: false };
  const { policy } = suspension;
  const presentedBefore =
    billPresentedAtMs !== undefined && billPresentedAtMs < suspension.suspendedAtMs;
  if (policy.kind === "reject" || !presentedBefore || capability !== presentedBillCapability) {
    return { allowed: false, code: "channel_suspended", capability };
  }
  if (nowMs >= policy.deadlineMs) {
    return {
      allowed: false,
      code: "honour_deadline_passed",
      capability,
      deadlineMs: policy.deadlineMs,
    };
  }
  return { allowed: true, honoured: true };
}
