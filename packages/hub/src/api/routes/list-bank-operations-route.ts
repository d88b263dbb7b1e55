import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { BankOperationCursor } from "../../app/operator/bank-operation-oversight.ts";
import { bankOperationPageSizeMax } from "../../app/operator/bank-operation-oversight.ts";
import { bankOperationStates } from "../../domain/bank-operations/bank-operation.ts";
import { participantIdPattern } from "../../domain/participant/participant.ts";
import { literalUnion } from "../literal-union.ts";
import {
  OperatorBankOperationSchema,
  operatorBankOperationView,
} from "../operator-bank-operation-view.ts";
import { readOperatorCursor, writeOperatorCursor } from "../operator-cursor.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { participantIdLengthMax } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const pageSizeDefault = 100;
const cursorList = "bank-operations";
const operationIdLengthMax = 64;

const Query = Type.Object(
  {
    participant: Type.Optional(
      Type.String({ maxLength: participantIdLengthMax, description: "The payment institution" }),
    ),
    bank: Type.Optional(Type.String({ maxLength: participantIdLengthMax })),
    kind: Type.Optional(literalUnion(["debit", "credit", "refund"] as const)),
    state: Type.Optional(literalUnion(bankOperationStates)),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: bankOperationPageSizeMax, default: pageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({
        maxLength: 512,
        description: "The `nextCursor` of the previous page, with the same filters",
      }),
    ),
  },
  { additionalProperties: false },
);

function readCursor(text: string): BankOperationCursor | undefined {
  const fields = readOperatorCursor(cursorList, text);
  if (fields?.length !== 3) return undefined;
  const [createdAt, participantId, id] = fields;
  if (!Number.isSafeInteger(createdAt) || (createdAt as number) < 0) return undefined;
  if (typeof participantId !== "string" || !participantIdPattern.test(participantId)) {
    return undefined;
  }
  if (typeof id !== "string" || id.length === 0 || id.length > operationIdLengthMax) {
    return undefined;
  }
  return { createdAt: createdAt as number, participantId, id };
}

export const listBankOperationsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/bank-operations",
    {
      schema: {
        summary: "Agreement payments, payouts and refunds of every institution, newest first",
        description:
          "Filters combine; an unknown filter is refused. Card and account numbers are masked.",
        tags: ["network"],
        querystring: Query,
        response: {
          200: Type.Object({
            items: Type.Array(OperatorBankOperationSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: "Pass as `cursor` for the next page; null on the last page",
            }),
          }),
          ...operatorProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const { participant, bank, kind, state, limit = pageSizeDefault, cursor } = request.query;
      const after = cursor === undefined ? undefined : readCursor(cursor);
      if (cursor !== undefined && after === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.bankOperationOversight.list(
        { participantId: participant, bankId: bank, kind, state },
        limit,
        after,
      );
      const last = page.at(-1);
      return {
        items: page.map(operatorBankOperationView),
        nextCursor:
          page.length < limit || last === undefined
            ? null
            : writeOperatorCursor(cursorList, [last.createdAt, last.paymentInstitutionId, last.id]),
      };
    },
  );
};
