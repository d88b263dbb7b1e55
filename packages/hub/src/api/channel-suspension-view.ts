import { type Static, Type } from "@sinclair/typebox";
import type { ChannelView } from "../app/channels/channel-suspension-service.ts";
import { channelCapabilityNames } from "../domain/channels/channel-capability.ts";
import { type ChannelStep, channelStepKinds } from "../domain/channels/channel-step.ts";
import { type PaymentPolicy, paymentPolicyKinds } from "../domain/channels/channel-suspension.ts";
import { participantStatuses } from "../domain/participant/participant.ts";
import { literalUnion } from "./literal-union.ts";

const Capability = literalUnion(channelCapabilityNames);
const Policy = Type.Union([literalUnion(paymentPolicyKinds), Type.Null()], {
  description:
    "reject: no payment goes through; honour_presented: payments quoting bills presented before the suspension go through until honourDeadline",
});
const Deadline = Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
  description: "When honouring ends: a payment at or after it is refused",
});

const SuspensionSchema = Type.Object({
  capability: Capability,
  reason: Type.String(),
  policy: literalUnion(paymentPolicyKinds),
  honourDeadline: Deadline,
  suspendedAt: Type.String({ format: "date-time" }),
});

const StepSchema = Type.Object({
  id: Type.String(),
  kind: literalUnion(channelStepKinds),
  capabilities: Type.Array(Capability),
  reason: Type.Union([Type.String(), Type.Null()]),
  policy: Policy,
  honourDeadline: Deadline,
  at: Type.String({ format: "date-time" }),
  by: Type.String({ description: "The operator account (or token name) that took the step" }),
});

export const ChannelSuspensionViewSchema = Type.Object(
  {
    channelId: Type.String(),
    status: literalUnion(participantStatuses),
    suspensions: Type.Array(SuspensionSchema, {
      description: "The capabilities suspended now; empty when the channel may do everything",
    }),
    history: Type.Array(StepSchema, {
      description: "Suspensions, lifts and termination, newest first",
    }),
  },
  { title: "ChannelSuspensions" },
);
export type ChannelSuspensionViewBody = Static<typeof ChannelSuspensionViewSchema>;

function deadlineOf(policy: PaymentPolicy | null): string | null {
  return policy?.kind === "honour_presented" ? new Date(policy.deadlineMs).toISOString() : null;
}

function stepView(step: ChannelStep): Static<typeof StepSchema> {
  return {
    id: step.id,
    kind: step.kind,
    capabilities: [...step.capabilities],
    reason: step.reason,
    policy: step.policy?.kind ?? null,
    honourDeadline: deadlineOf(step.policy),
    at: new Date(step.atMs).toISOString(),
    by: step.actor.operator?.name ?? step.actor.name,
  };
}

export function channelSuspensionView(view: ChannelView): ChannelSuspensionViewBody {
  return {
    channelId: view.participant.id,
    status: view.state.status,
    suspensions: view.state.suspensions.map((suspension) => ({
      capability: suspension.capability,
      reason: suspension.reason,
      policy: suspension.policy.kind,
      honourDeadline: deadlineOf(suspension.policy),
      suspendedAt: new Date(suspension.suspendedAtMs).toISOString(),
    })),
    history: view.history.map(stepView),
  };
}
