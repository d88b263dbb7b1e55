import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  type FeeScheduleKey,
  type FeeTransactionType,
  feeTransactionTypes,
} from "../../domain/fees/fee-schedule.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { ApiServices } from "../api-services.ts";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { FeeScheduleViewSchema, feeScheduleView } from "../fee-schedule-view.ts";
import { literalUnion } from "../literal-union.ts";
import { CurrencyInput } from "../money-codec.ts";
import { sendProblem } from "../problem.ts";
import {
  type FeeScheduleBody,
  FeeScheduleInput,
  feeSchedulePayload,
  readFeeSchedule,
} from "./fee-schedule-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantIdInput } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const TransactionType = literalUnion(feeTransactionTypes, {
  description: "What the fee is charged on; the initiating participant (the payer) pays it",
});
const DefaultParams = Type.Object({ transactionType: TransactionType, currency: CurrencyInput });
const PayerParams = Type.Object({
  participantId: ParticipantIdInput,
  transactionType: TransactionType,
  currency: CurrencyInput,
});

const setProblems = operatorProblems(
  "participant_not_found",
  "fee_payer_is_operator",
  "currency_unknown",
  "fee_value_negative",
  "fee_value_too_large",
  "fee_basis_points_invalid",
  "fee_minimum_above_maximum",
  "amount_invalid",
  "amount_too_precise",
);
const removeProblems = operatorProblems("currency_unknown", "fee_schedule_not_found");

const setDescription =
  "Sets (or replaces) the schedule: fee = fixed + amount × basisPoints / 10,000 (the basis-point part rounded half up to a minor unit), then raised to minimum and lowered to maximum. It changes what payers are charged, so it needs four eyes: the route checks the schedule, changes nothing, and answers 202 with a proposal that another operator account approves (POST /operator/v1/approvals/{approvalId}/approve). A negative or overflowing value, or a minimum above the maximum, is refused with its code and nothing is written.";
const removeDescription =
  "Removes the schedule, on approval like setting one: a payer without its own schedule is charged the network default, and with neither, nothing.";

interface Keyed {
  readonly transactionType: FeeTransactionType;
  readonly currency: string;
  readonly participantId?: string;
}

function keyOf(params: Keyed): FeeScheduleKey {
  return {
    transactionType: params.transactionType,
    participantId: params.participantId ?? null,
    currency: findCurrency(params.currency)?.code ?? params.currency,
  };
}

async function proposeSet(
  hub: ApiServices,
  request: FastifyRequest,
  reply: FastifyReply,
  params: Keyed,
  body: FeeScheduleBody,
): Promise<FastifyReply> {
  const schedule = readFeeSchedule(keyOf(params), body);
  if (!schedule.ok) return sendProblem(reply, schedule.code);
  return proposeAction(hub, request, reply, "fee_schedule.set", feeSchedulePayload(schedule.value));
}

async function proposeRemoval(
  hub: ApiServices,
  request: FastifyRequest,
  reply: FastifyReply,
  params: Keyed,
): Promise<FastifyReply> {
  if (findCurrency(params.currency) === undefined) return sendProblem(reply, "currency_unknown");
  const { transactionType, participantId, currency } = keyOf(params);
  return proposeAction(hub, request, reply, "fee_schedule.remove", {
    transactionType,
    participantId,
    currency,
  });
}

/**
 * Fee schedules: the network-wide default of a transaction type and currency, and a payer's
 * own, which wins over it. Reading is open to viewers; setting and removing take four eyes.
 */
export const feeScheduleRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/fee-schedules",
    {
      schema: {
        summary: "Every fee schedule",
        description:
          "By transaction type, currency, then payer (the network default, `participant: null`, first).",
        tags: ["fees"],
        response: {
          200: Type.Object(
            { items: Type.Array(FeeScheduleViewSchema) },
            { title: "FeeScheduleList" },
          ),
          ...operatorProblems(),
        },
      },
    },
    async () => ({ items: (await hub.feeSchedules.list()).map(feeScheduleView) }),
  );

  app.put(
    "/fee-schedules/:transactionType/:currency",
    {
      schema: {
        summary: "Propose the network-wide fee schedule of a transaction type and currency",
        description: setDescription,
        tags: ["fees"],
        params: DefaultParams,
        body: FeeScheduleInput,
        response: { 202: ProposalSchema, ...setProblems },
      },
    },
    async (request, reply) => proposeSet(hub, request, reply, request.params, request.body),
  );

  app.delete(
    "/fee-schedules/:transactionType/:currency",
    {
      schema: {
        summary: "Propose removing the network-wide fee schedule",
        description: removeDescription,
        tags: ["fees"],
        params: DefaultParams,
        response: { 202: ProposalSchema, ...removeProblems },
      },
    },
    async (request, reply) => proposeRemoval(hub, request, reply, request.params),
  );

  app.put(
    "/participants/:participantId/fee-schedules/:transactionType/:currency",
    {
      schema: {
        summary: "Propose a payer's own fee schedule, which wins over the network default",
        description: setDescription,
        tags: ["fees"],
        params: PayerParams,
        body: FeeScheduleInput,
        response: { 202: ProposalSchema, ...setProblems },
      },
    },
    async (request, reply) => proposeSet(hub, request, reply, request.params, request.body),
  );

  app.delete(
    "/participants/:participantId/fee-schedules/:transactionType/:currency",
    {
      schema: {
        summary: "Propose removing a payer's own fee schedule",
        description: removeDescription,
        tags: ["fees"],
        params: PayerParams,
        response: { 202: ProposalSchema, ...removeProblems },
      },
    },
    async (request, reply) => proposeRemoval(hub, request, reply, request.params),
  );
};
