import { type Static, Type } from "@sinclair/typebox";
import { channelCapabilityNames } from "../domain/channels/channel-capability.ts";
import { channelStepEventTypes } from "../domain/channels/channel-step.ts";
import { paymentPolicyKinds } from "../domain/channels/channel-suspension.ts";
import { literalUnion } from "./literal-union.ts";

/**
 * The body of a channel webhook, as `channelStepEvent` writes it into the outbox; published
 * under the OpenAPI `webhooks`, and a test holds the domain's payload to it.
 */
export const ChannelEventSchema = Type.Object(
  {
    id: Type.String({
      description:
        "`<type>:<channelId>:<stepId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it.",
      examples: ["channel.suspended:wallet-a:6f1c0c8e-1d5b-4d8e-9d57-0a8f6f1b2c3d"],
    }),
    type: literalUnion(Object.values(channelStepEventTypes), {
      description: "Equal to the `webhook-event` header",
    }),
    createdAt: Type.String({ format: "date-time", description: "When the operator took the step" }),
    data: Type.Object(
      {
        channelId: Type.String({ description: "You" }),
        capabilities: Type.Array(literalUnion(channelCapabilityNames), {
          description:
            "Suspended, or restored; for a termination, those that were suspended until then",
        }),
        reason: Type.Union([Type.String(), Type.Null()], {
          description: "The operator's reason; null when capabilities are restored",
        }),
        policy: Type.Union([literalUnion(paymentPolicyKinds), Type.Null()], {
          description:
            "For a suspension: reject (no payment goes through) or honour_presented (payments quoting bills presented to you before the suspension go through until honourDeadline; new inquiries are refused)",
        }),
        honourDeadline: Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
          description: "When honouring ends; a payment at or after it is refused",
        }),
      },
      { additionalProperties: false },
    ),
  },
  {
    $id: "ChannelEvent",
    title: "ChannelEvent",
    description: "The operator suspended, restored or terminated you as a bill-payment channel.",
    additionalProperties: false,
  },
);
export type ChannelEventBody = Static<typeof ChannelEventSchema>;
