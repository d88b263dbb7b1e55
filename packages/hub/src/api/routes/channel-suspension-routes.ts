import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import type { ChannelOutcome } from "../../app/channels/channel-suspension-service.ts";
import {
  type ChannelCapability,
  channelCapabilityNames,
} from "../../domain/channels/channel-capability.ts";
import {
  paymentPolicyFrom,
  paymentPolicyKinds,
  suspensionReasonLengthMax,
} from "../../domain/channels/channel-suspension.ts";
import type { ApiServices } from "../api-services.ts";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { ChannelSuspensionViewSchema, channelSuspensionView } from "../channel-suspension-view.ts";
import { literalUnion } from "../literal-union.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const Capabilities = Type.Array(literalUnion(channelCapabilityNames), {
  maxItems: channelCapabilityNames.length,
  description: "Capabilities by name; each at most once",
});

const Reason = Type.String({
  // One past the limit, so an over-long reason earns its own code rather than a schema error.
  maxLength: suspensionReasonLengthMax + 1,
  description: `Why, shown to the channel and kept in the audit log: 1-${suspensionReasonLengthMax} characters`,
});

const SuspendBody = Type.Object(
  {
    capabilities: Type.Union([Type.Literal("all"), Capabilities], {
      description: '"all", or the capabilities to suspend',
    }),
    reason: Reason,
    policy: literalUnion(paymentPolicyKinds, {
      description:
        "What becomes of payments after the suspension: reject them all, or honour_presented: process payments quoting bills presented to the channel before the suspension, until honourDeadline",
    }),
    honourDeadline: Type.Optional(
      Type.String({
        format: "date-time",
        description:
          "Required with honour_presented, refused otherwise: in the future, at most 30 days ahead",
      }),
    ),
  },
  { additionalProperties: false },
);

const LiftBody = Type.Object(
  {
    capabilities: Type.Optional(Capabilities),
  },
  {
    additionalProperties: false,
    description: "Without capabilities, every suspended one is restored",
  },
);

const TerminateBody = Type.Object({ reason: Reason }, { additionalProperties: false });

const suspendProblems = [
  "participant_not_found",
  "participant_not_channel",
  "channel_terminated",
  "suspension_capabilities_empty",
  "suspension_reason_invalid",
  "honour_deadline_missing",
  "honour_deadline_unexpected",
  "honour_policy_not_applicable",
  "honour_deadline_past",
  "honour_deadline_too_far",
  "capability_already_suspended",
  "suspension_changed_concurrently",
] as const;

const liftProblems = [
  "participant_not_found",
  "participant_not_channel",
  "channel_terminated",
  "suspension_capabilities_empty",
  "channel_not_suspended",
  "capability_not_suspended",
  "suspension_changed_concurrently",
] as const;

export const terminationProblems = [
  "participant_not_found",
  "participant_not_channel",
  "participant_terminated",
  "suspension_reason_invalid",
  "suspension_changed_concurrently",
] as const;

/** After a step, the channel's state and history as the GET route shows them. */
export async function answerWithView(
  hub: ApiServices,
  reply: FastifyReply,
  outcome: ChannelOutcome<unknown>,
  channelId: string,
  statusCode = 200,
): Promise<FastifyReply> {
  if (!outcome.ok) return sendProblem(reply, outcome.code);
  const view = await hub.channelSuspensions.view(channelId);
  if (!view.ok) return sendProblem(reply, view.code);
  return reply.code(statusCode).send(channelSuspensionView(view.value));
}

/**
 * The operator's suspensions of a channel (a payment institution or a bank selling bill
 * payment): its capabilities suspended and restored, then its termination with four eyes.
 */
export const channelSuspensionRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/participants/:participantId/suspensions",
    {
      schema: {
        summary: "A channel's suspended capabilities and the history of its suspensions",
        tags: ["participants"],
        params: ParticipantParams,
        response: {
          200: ChannelSuspensionViewSchema,
          ...operatorProblems("participant_not_found", "participant_not_channel"),
        },
      },
    },
    async (request, reply) => {
      const view = await hub.channelSuspensions.view(request.params.participantId);
      if (!view.ok) return sendProblem(reply, view.code);
      return channelSuspensionView(view.value);
    },
  );

  app.post(
    "/participants/:participantId/suspensions",
    {
      schema: {
        summary: "Suspend a channel's capabilities",
        description:
          "Takes effect at once and tells the channel by the `channel.suspended` webhook, in the same transaction. A capability already suspended must be lifted first.",
        tags: ["participants"],
        params: ParticipantParams,
        body: SuspendBody,
        response: { 201: ChannelSuspensionViewSchema, ...operatorProblems(...suspendProblems) },
      },
    },
    async (request, reply) => {
      const { participantId } = request.params;
      const body = request.body;
      const deadlineMs =
        body.honourDeadline === undefined ? undefined : Date.parse(body.honourDeadline);
      const policy = paymentPolicyFrom(body.policy, deadlineMs);
      if (!policy.ok) return sendProblem(reply, policy.code);
      const capabilities: readonly ChannelCapability[] =
        body.capabilities === "all" ? channelCapabilityNames : body.capabilities;
      const suspended = await hub.channelSuspensions.suspend(
        participantId,
        { capabilities, reason: body.reason, policy: policy.policy },
        operatorActor(request),
      );
      return answerWithView(hub, reply, suspended, participantId, 201);
    },
  );

  app.post(
    "/participants/:participantId/suspensions/lift",
    {
      schema: {
        summary: "Restore a channel's suspended capabilities",
        description:
          "Tells the channel by the `channel.suspension_lifted` webhook, in the same transaction.",
        tags: ["participants"],
        params: ParticipantParams,
        body: LiftBody,
        response: { 200: ChannelSuspensionViewSchema, ...operatorProblems(...liftProblems) },
      },
    },
    async (request, reply) => {
      const { participantId } = request.params;
      const lifted = await hub.channelSuspensions.lift(
        participantId,
        request.body.capabilities,
        operatorActor(request),
      );
      return answerWithView(hub, reply, lifted, participantId);
    },
  );

  app.post(
    "/participants/:participantId/termination",
    {
      schema: {
        summary: "Terminate a channel",
        description:
          "Final, and needs four eyes: answers 202 with a proposal that another operator account approves. On approval the participant is terminated, every honour window closes, and the channel is told by the `channel.terminated` webhook.",
        tags: ["participants"],
        params: ParticipantParams,
        body: TerminateBody,
        response: { 202: ProposalSchema, ...operatorProblems(...terminationProblems) },
      },
    },
    async (request, reply) => {
      const { participantId } = request.params;
      return proposeAction(hub, request, reply, "channel.terminate", {
        participantId,
        reason: request.body.reason,
      });
    },
  );
};
