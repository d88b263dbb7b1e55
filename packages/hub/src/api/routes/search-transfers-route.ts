import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type {
  TransferSearchCursor,
  TransferSearchFilter,
} from "../../app/operator/transfer-search.ts";
import { transferSearchPageSizeMax } from "../../app/operator/transfer-search.ts";
import { referenceLengthMax, transferIdPattern } from "../../domain/ledger/transfer.ts";
import { transferStates } from "../../domain/ledger/transfer-state.ts";
import { literalUnion } from "../literal-union.ts";
import { amountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { readOperatorCursor, writeOperatorCursor } from "../operator-cursor.ts";
import { type ProblemCode, sendProblem } from "../problem.ts";
import { TransferRecordSchema, transferRecordView } from "../transfer-record-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import { participantIdLengthMax } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const pageSizeDefault = 100;
const cursorList = "transfers";

const ParticipantFilter = (description: string) =>
  Type.Optional(Type.String({ maxLength: participantIdLengthMax, description }));

const Query = Type.Object(
  {
    participant: ParticipantFilter("On either side"),
    counterparty: ParticipantFilter("On the other side from `participant`, which it needs"),
    kind: Type.Optional(literalUnion(["posted", "pending"] as const)),
    state: Type.Optional(literalUnion(transferStates, { description: "The current state" })),
    currency: Type.Optional(CurrencyInput),
    amountMin: Type.Optional(amountInput("Inclusive; needs `currency`.")),
    amountMax: Type.Optional(amountInput("Inclusive; needs `currency`.")),
    from: Type.Optional(Type.String({ format: "date-time", description: "Created at or after" })),
    to: Type.Optional(Type.String({ format: "date-time", description: "Created before" })),
    reference: Type.Optional(Type.String({ maxLength: referenceLengthMax })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: transferSearchPageSizeMax, default: pageSizeDefault }),
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

const Page = Type.Object({
  items: Type.Array(TransferRecordSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: "Pass as `cursor` for the next page; null on the last page",
  }),
});

function readCursor(text: string): TransferSearchCursor | undefined {
  const fields = readOperatorCursor(cursorList, text);
  const [createdAt, transferId] = fields ?? [];
  if (fields?.length !== 2 || !Number.isSafeInteger(createdAt) || (createdAt as number) < 0) {
    return undefined;
  }
  if (typeof transferId !== "string" || !transferIdPattern.test(transferId)) return undefined;
  return { createdAt: createdAt as number, transferId };
}

type AmountRead = { ok: true; minor: bigint | undefined } | { ok: false; code: ProblemCode };

function readBound(amount: string | undefined, currency: string | undefined): AmountRead {
  if (amount === undefined || currency === undefined) return { ok: true, minor: undefined };
  const money = readMoney(amount, currency, { allowZero: true });
  return money.ok ? { ok: true, minor: money.minor } : money;
}

export const searchTransfersRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/transfers",
    {
      schema: {
        summary: "Search transfers, newest first",
        description: `Lists the transfers that move or reserve money (posted and pending), each with its parties and current state; a commit, void or expiry shows as its reservation's state and \`resolvedBy\` (and is answered by its id). Filters combine; an unknown filter is refused. Searching by participant (and time range) reads an index. Pages of up to ${transferSearchPageSizeMax}.`,
        tags: ["transfers"],
        querystring: Query,
        response: {
          200: Page,
          ...operatorProblems(
            "cursor_invalid",
            "filter_incomplete",
            "currency_unknown",
            "amount_invalid",
            "amount_too_precise",
            "amount_too_large",
          ),
        },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const after = query.cursor === undefined ? undefined : readCursor(query.cursor);
      if (query.cursor !== undefined && after === undefined) {
        return sendProblem(reply, "cursor_invalid");
      }
      const amountGiven = query.amountMin !== undefined || query.amountMax !== undefined;
      if (amountGiven && query.currency === undefined) {
        // Checked before the amounts, which cannot be read without their currency.
        return sendProblem(reply, "filter_incomplete", {
          detail: "amountMin and amountMax need currency",
        });
      }
      const amountMin = readBound(query.amountMin, query.currency);
      const amountMax = readBound(query.amountMax, query.currency);
      for (const bound of [amountMin, amountMax]) {
        if (!bound.ok) return sendProblem(reply, bound.code);
      }
      const filter: TransferSearchFilter = {
        participantId: query.participant,
        counterpartyId: query.counterparty,
        kind: query.kind,
        state: query.state,
        currency: query.currency,
        amountMin: amountMin.ok ? amountMin.minor : undefined,
        amountMax: amountMax.ok ? amountMax.minor : undefined,
        createdFrom: query.from === undefined ? undefined : Date.parse(query.from),
        createdBefore: query.to === undefined ? undefined : Date.parse(query.to),
        reference: query.reference,
      };
      const limit = query.limit ?? pageSizeDefault;
      const found = await hub.transferSearch.search(filter, limit, after);
      if (!found.ok) return sendProblem(reply, found.code, { detail: found.detail });
      const last = found.items.at(-1);
      return {
        items: found.items.map(transferRecordView),
        nextCursor:
          found.items.length < limit || last === undefined
            ? null
            : writeOperatorCursor(cursorList, [last.createdAt, last.id]),
      };
    },
  );
};
