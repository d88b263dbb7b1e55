import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { referenceLengthMax } from "../../domain/ledger/transfer.ts";
import { literalUnion } from "../literal-union.ts";
import { AmountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { TransferViewSchema, transferView } from "../transfer-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const Body = Type.Object(
  {
    id: transferIdInput(
      "Retrying with the same id and fields is safe: it answers 200 and moves nothing again.",
    ),
    direction: literalUnion(["in", "out"], {
      description: "in: a deposit into the settlement account; out: a withdrawal from it",
    }),
    amount: AmountInput,
    currency: CurrencyInput,
    reference: Type.Optional(Type.String({ maxLength: referenceLengthMax })),
  },
  { additionalProperties: false },
);

const Moved = Type.Object({
  code: literalUnion(["ok", "exists"], {
    description: "ok: recorded now (201); exists: an identical earlier request was recorded (200)",
  }),
  transfer: TransferViewSchema,
});

export const moveFundsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    "/participants/:participantId/funds",
    {
      schema: {
        summary: "Record a deposit to or withdrawal from a settlement account",
        description:
          "Booked as a posted ledger transfer against the operator's reconciliation account in the same currency. Ledger results other than ok and exists answer as problems with the result code (e.g. `insufficient_liquidity`).",
        tags: ["participants"],
        params: ParticipantParams,
        body: Body,
        response: {
          200: Moved,
          201: Moved,
          ...operatorProblems(
            "participant_not_found",
            "currency_unknown",
            "currency_not_held",
            "amount_invalid",
            "amount_not_positive",
            "amount_too_precise",
            "amount_too_large",
            "id_invalid",
            "exists_with_different_fields",
            "participant_inactive",
            "insufficient_liquidity",
            "storage_unavailable",
          ),
        },
      },
    },
    async (request, reply) => {
      const { id, direction, amount, currency, reference } = request.body;
      const money = readMoney(amount, currency);
      if (!money.ok) return sendProblem(reply, money.code);
      const moved = await hub.funds.moveFunds(
        {
          transferId: id,
          participantId: request.params.participantId,
          direction,
          currency: money.currency.code,
          amount: money.minor,
          reference,
        },
        operatorActor(request),
      );
      if (!moved.ok) return sendProblem(reply, moved.code);
      const code = moved.value;
      if (code !== "ok" && code !== "exists") return sendProblem(reply, code);
      const transfer = await hub.ledgerReader.findTransfer(id);
      if (transfer === undefined)
        throw new Error(`transfer ${id} answered ${code} but is not stored`);
      return reply.code(code === "ok" ? 201 : 200).send({ code, transfer: transferView(transfer) });
    },
  );
};
