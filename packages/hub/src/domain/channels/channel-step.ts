import type { AuditActor } from "../audit/audit-actor.ts";
import type { ChannelCapability } from "./channel-capability.ts";
import type { PaymentPolicy } from "./channel-suspension.ts";

/**
 * One step of a channel's suspension history: capabilities suspended, capabilities restored,
 * or the channel terminated. Steps are appended, never edited; the current state is kept beside
 * them so the channel API reads one small row set.
 */
export type ChannelStepKind = "suspended" | "lifted" | "terminated";
export const channelStepKinds: readonly ChannelStepKind[] = ["suspended", "lifted", "terminated"];

export interface ChannelStep {
  readonly id: string;
  readonly channelId: string;
  readonly kind: ChannelStepKind;
  /** Suspended or restored; for a termination, those that were suspended until then. */
  readonly capabilities: readonly ChannelCapability[];
  /** Why; null for a lift. */
  readonly reason: string | null;
  /** The payment policy of a suspension; null for other steps. */
  readonly policy: PaymentPolicy | null;
  readonly atMs: number;
  readonly actor: AuditActor;
}

/** How a step is told to the channel by webhook. */
export const channelStepEventTypes = {
  suspended: "channel.suspended",
  lifted: "channel.suspension_lifted",
  terminated: "channel.terminated",
} as const satisfies Record<ChannelStepKind, string>;
