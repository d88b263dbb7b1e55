import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { billSubscriptionPageSizeMax } from "../../app/billers/bill-subscription-service.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import { ParticipantIdInput } from "../routes/participant-params.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import {
  BillSubscriptionParams,
  BillSubscriptionSchema,
  billSubscriptionView,
  NewBillSubscriptionInput,
  readReference,
  readSubscriptionParameters,
} from "./bill-subscription-view.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { customerParameterErrors, parameterProblems } from "./customer-parameter-errors.ts";
import { participantProblems } from "./participant-problems.ts";
import { readCursor, writeCursor } from "./transfer-cursor.ts";

const pageSizeDefault = 100;

export const createBillSubscriptionRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/bill-subscriptions",
    {
      config: { operation: "bill-subscriptions.manage" },
      schema: {
        summary: "Be told of a customer's bills at a biller, instead of asking for them",
        description: `When the biller pushes a new or changed bill of this customer, the hub sends you a \`bill.presented\` webhook event: no inquiry, scheduled or not, is needed to learn of a bill. Register a webhook endpoint for \`bill.presented\` to receive them.

Idempotent by customer: subscribing the same biller and parameters again answers the subscription you hold (with \`${replayedHeader}: true\`), its first \`reference\` kept. A channel holds a bounded number of subscriptions; beyond it, 409 \`bill_subscriptions_full\`.`,
        tags: ["bills"],
        body: NewBillSubscriptionInput,
        response: {
          201: BillSubscriptionSchema,
          ...participantProblems(
            "customer_parameters_invalid",
            "biller_not_found",
            "participant_not_biller",
            "bill_subscriptions_full",
          ),
        },
      },
    },
    async (request, reply) => {
      const parameters = readSubscriptionParameters(request.body.customerParameters);
      if (!parameters.ok) {
        return sendProblem(reply, parameters.code, {
          errors: customerParameterErrors(parameterProblems(parameters.problems)),
        });
      }
      const reference = readReference(request.body.reference);
      if (!reference.ok) {
        return sendProblem(reply, reference.code, {
          errors: [{ pointer: "/reference", detail: "control characters are not allowed" }],
        });
      }
      const channel = request.participant as Participant;
      const outcome = await hub.billSubscriptions.subscribe(channel, {
        billerId: request.body.billerId,
        parameters: parameters.value,
        reference: reference.value,
      });
      if (!outcome.ok) {
        const failures = "failures" in outcome ? outcome.failures : [];
        return sendProblem(reply, outcome.code, { errors: customerParameterErrors(failures) });
      }
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(billSubscriptionView(outcome.subscription));
    },
  );
};

const ListQuery = Type.Object(
  {
    billerId: Type.Optional(ParticipantIdInput),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: billSubscriptionPageSizeMax, default: pageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 200, description: "`next` of the previous page" }),
    ),
  },
  { additionalProperties: false },
);

export const listBillSubscriptionsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/bill-subscriptions",
    {
      config: { operation: "bill-subscriptions.manage" },
      schema: {
        summary: "Your bill subscriptions, newest first",
        description: `Only one biller's with \`billerId\`. Pages of up to ${billSubscriptionPageSizeMax} (default ${pageSizeDefault}); pass \`next\` as \`cursor\` for the next page; \`next\` is null on the last page.`,
        tags: ["bills"],
        querystring: ListQuery,
        response: {
          200: Type.Object({
            subscriptions: Type.Array(BillSubscriptionSchema),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          ...participantProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const channel = request.participant as Participant;
      const { billerId, limit = pageSizeDefault, cursor } = request.query;
      const after = cursor === undefined ? undefined : readCursor(cursor);
      if (cursor !== undefined && after === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.billSubscriptions.list(
        channel,
        { billerId, limit },
        after && { createdAt: after.createdAt, id: after.transferId },
      );
      const last = page.at(-1);
      return {
        subscriptions: page.map(billSubscriptionView),
        next:
          page.length < limit || last === undefined
            ? null
            : writeCursor({ createdAt: last.createdAt, transferId: last.id }),
      };
    },
  );
};

export const deleteBillSubscriptionRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.delete(
    "/bill-subscriptions/:subscriptionId",
    {
      config: { operation: "bill-subscriptions.manage" },
      schema: {
        summary: "Stop being told of a customer's bills",
        description:
          "Bills the biller pushes from now on are not sent for this subscription; events already in the outbox still are. Deleting again answers 404.",
        tags: ["bills"],
        params: BillSubscriptionParams,
        response: {
          204: Type.Null(),
          ...participantProblems("bill_subscription_not_found"),
        },
      },
    },
    async (request, reply) => {
      const channel = request.participant as Participant;
      const removed = await hub.billSubscriptions.remove(channel, request.params.subscriptionId);
      if (!removed.ok) return sendProblem(reply, removed.code);
      return reply.code(204).send(null);
    },
  );
};
