/**
 * The payload a channel step writes into the outbox is what the OpenAPI document promises the
 * channel: every kind of step, with and without an honour deadline, validates against
 * ChannelEventSchema.
 */

import { registerStringFormats } from "@clearhub/wire";
import { Value } from "@sinclair/typebox/value";
import { expect, it } from "vitest";
import { ChannelEventSchema } from "../../src/api/channel-event-schema.ts";
import { channelStepEvent } from "../../src/domain/channels/channel-event.ts";
import type { ChannelStep } from "../../src/domain/channels/channel-step.ts";
import { testActor } from "../support/test-actor.ts";

const atMs = Date.UTC(2026, 0, 5, 9);

function step(fields: Partial<ChannelStep>): ChannelStep {
  return {
    id: "step-1",
    channelId: "wallet-a",
    kind: "suspended",
    capabilities: ["bill_inquiry", "bill_payment"],
    reason: "Scheduled inquiries flood billers",
    policy: { kind: "reject" },
    atMs,
    actor: testActor,
    ...fields,
  };
}

it("holds every step's event to the published schema", () => {
  registerStringFormats();
  const steps = [
    step({}),
    step({ id: "s-2", policy: { kind: "honour_presented", deadlineMs: atMs + 3_600_000 } }),
    step({ id: "s-3", kind: "lifted", capabilities: ["bill_payment"], reason: null, policy: null }),
    step({ id: "s-4", kind: "terminated", capabilities: [], policy: null }),
  ];
  for (const event of steps.map(channelStepEvent)) {
    const body: unknown = JSON.parse(event.payload);
    expect([...Value.Errors(ChannelEventSchema, body)], event.payload).toEqual([]);
    expect(body).toMatchObject({ id: event.id, type: event.type });
  }
  expect(channelStepEvent(steps[1] as ChannelStep)).toMatchObject({
    id: "channel.suspended:wallet-a:s-2",
    recipientId: "wallet-a",
    createdAt: atMs,
  });
  expect(JSON.parse(channelStepEvent(steps[1] as ChannelStep).payload).data).toEqual({
    channelId: "wallet-a",
    capabilities: ["bill_inquiry", "bill_payment"],
    reason: "Scheduled inquiries flood billers",
    policy: "honour_presented",
    honourDeadline: "2026-01-05T10:00:00.000Z",
  });
});
