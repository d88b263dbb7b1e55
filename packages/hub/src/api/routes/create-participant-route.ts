import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { operatorActor } from "../operator-auth.ts";
import { ParticipantDetailSchema, participantDetail } from "../participant-view.ts";
import { sendProblem } from "../problem.ts";
import { CurrencyHoldingInput, readHoldings } from "./currency-holding-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantIdInput } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

export const currenciesPerParticipantMax = 20;
export const participantNameLengthMax = 200;

const Body = Type.Object(
  {
    id: ParticipantIdInput,
    name: Type.String({ minLength: 1, maxLength: participantNameLengthMax }),
    kind: literalUnion(["bank", "payment_institution", "biller"]),
    currencies: Type.Array(CurrencyHoldingInput, {
      maxItems: currenciesPerParticipantMax,
      description: "Each currency opens a position, a settlement and a fee account",
    }),
  },
  { additionalProperties: false },
);

export const createParticipantRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/participants",
    {
      schema: {
        summary: "Register a participant with its currencies and net debit caps",
        tags: ["participants"],
        body: Body,
        response: {
          201: ParticipantDetailSchema,
          ...operatorProblems(
            "participant_id_invalid",
            "participant_name_invalid",
            "participant_exists",
            "currency_unknown",
            "currency_duplicate",
            "amount_invalid",
            "amount_too_precise",
            "amount_too_large",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readHoldings(request.body.currencies, "/currencies");
      if (!read.ok) return sendProblem(reply, read.code, { errors: read.errors });
      const registered = await hub.participants.register(
        { ...request.body, currencies: read.holdings },
        operatorActor(request),
      );
      if (!registered.ok) return sendProblem(reply, registered.code);
      const found = await hub.participants.find(registered.value.id);
      if (!found.ok) return sendProblem(reply, found.code);
      return reply
        .code(201)
        .header("location", `/operator/v1/participants/${encodeURIComponent(registered.value.id)}`)
        .send(participantDetail(found.value.participant, found.value.accounts, new Map()));
    },
  );
};
