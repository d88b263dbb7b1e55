import type { PreparedEvent } from "../notifications/webhook-delivery.ts";
import { type ChannelStep, channelStepEventTypes } from "./channel-step.ts";

/**
 * The event a step raises for its channel, written to the outbox in the transaction that makes
 * the step, so a channel is never suspended without being told. Its id names the step: a retried
 * write raises the same event, which the outbox keeps once.
 */
export function channelStepEvent(step: ChannelStep): PreparedEvent {
  const type = channelStepEventTypes[step.kind];
  const id = `${type}:${step.channelId}:${step.id}`;
  const honourDeadline =
    step.policy?.kind === "honour_presented"
      ? new Date(step.policy.deadlineMs).toISOString()
      : null;
  const payload = JSON.stringify({
    id,
    type,
    createdAt: new Date(step.atMs).toISOString(),
    data: {
      channelId: step.channelId,
      capabilities: step.capabilities,
      reason: step.reason,
      policy: step.policy?.kind ?? null,
      honourDeadline,
    },
  });
  return { id, type, recipientId: step.channelId, payload, createdAt: step.atMs };
}
