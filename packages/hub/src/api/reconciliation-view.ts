import { Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import type {
  MatchResult,
  ReconciliationOutcome,
} from "../app/reconciliation/reconciliation-service.ts";
import {
  breakKinds,
  breakStates,
  type ReconciliationBreak,
} from "../domain/reconciliation/reconciliation-break.ts";
import { literalUnion } from "./literal-union.ts";
import { writeMoney } from "./money-codec.ts";
import { sendProblem } from "./problem.ts";

/** The media type of statements and of uploaded records. */
export const csvContentType = "text/csv";

/** A streamed CSV in the OpenAPI document: the statement's documented columns. */
export const statementCsvResponse = {
  description:
    "The statement, RFC 4180 CSV with a header row: hub_transaction_id, participant_reference, type, counterparty, amount (signed: negative when the participant pays), currency, fee, status, window, created_at, updated_at",
  content: { [csvContentType]: { schema: { type: "string" } } },
};

/** A streamed camt.053 statement in the OpenAPI document. */
export const statementXmlResponse = {
  description:
    "The statement of one currency as ISO 20022 camt.053.001.08: the position account's opening and closing booked balances, then one entry per transaction (status BOOK, PDNG or INFO), streamed",
  content: { "application/xml": { schema: { type: "string" } } },
};

export const StatementCurrencyQuery = Type.Object({
  currency: Type.String({
    pattern: "^[A-Z]{3}$",
    description: "The currency of the statement (ISO 4217): camt.053 is of one account",
  }),
});

const optionalMoney = (minor: bigint | null, currency: string | null) =>
  minor === null || currency === null ? null : writeMoney(minor, currency);

export const BreakSchema = Type.Object(
  {
    id: Type.String(),
    runId: Type.String(),
    participantId: Type.String(),
    day: Type.String(),
    kind: literalUnion(breakKinds),
    hubTransactionId: Type.Union([Type.String(), Type.Null()]),
    participantReference: Type.Union([Type.String(), Type.Null()]),
    currency: Type.Union([Type.String(), Type.Null()]),
    hubAmount: Type.Union([Type.String(), Type.Null()]),
    participantAmount: Type.Union([Type.String(), Type.Null()]),
    hubStatus: Type.Union([Type.String(), Type.Null()]),
    participantStatus: Type.Union([Type.String(), Type.Null()]),
    line: Type.Union([Type.Integer(), Type.Null()], {
      description: "The line of the participant's record",
    }),
    state: literalUnion(breakStates),
    reason: Type.Union([Type.String(), Type.Null()]),
    reversalTransferId: Type.Union([Type.String(), Type.Null()]),
    resolvedBy: Type.Union([Type.String(), Type.Null()]),
    resolvedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
    createdAt: Type.String({ format: "date-time" }),
  },
  { $id: "ReconciliationBreak", title: "ReconciliationBreak" },
);

export function breakView(found: ReconciliationBreak) {
  return {
    id: found.id,
    runId: found.runId,
    participantId: found.participantId,
    day: found.day,
    kind: found.kind,
    hubTransactionId: found.hubTransactionId,
    participantReference: found.participantReference,
    currency: found.currency,
    hubAmount: optionalMoney(found.hubAmountMinor, found.currency),
    participantAmount: optionalMoney(found.participantAmountMinor, found.currency),
    hubStatus: found.hubStatus,
    participantStatus: found.participantStatus,
    line: found.line,
    state: found.state,
    reason: found.reason,
    reversalTransferId: found.reversalTransferId,
    resolvedBy: found.resolvedBy,
    resolvedAt: found.resolvedAt === null ? null : new Date(found.resolvedAt).toISOString(),
    createdAt: new Date(found.createdAt).toISOString(),
  };
}

export const MatchSummarySchema = Type.Object(
  {
    runId: Type.String(),
    participantId: Type.String(),
    day: Type.String(),
    hubRows: Type.Integer(),
    participantRows: Type.Integer(),
    breaks: Type.Object(Object.fromEntries(breakKinds.map((kind) => [kind, Type.Integer()]))),
    unknownAtHub: Type.Integer({
      description: "Hub transactions whose outcome is still unknown: not compared, listed apart",
    }),
    unknownHubTransactionIds: Type.Array(Type.String(), {
      description: "The first 100 of them, by hub transaction id",
    }),
    inquiry: Type.Object(
      {
        asked: Type.Integer({
          description: "Unknown operations of the day the hub asked their bank or biller about",
        }),
        settled: Type.Integer({ description: "How many of those have a final outcome now" }),
        limit: Type.Integer({ description: "The most one match asks about" }),
        more: Type.Boolean({
          description:
            "More operations were unknown than the limit: those not asked about stay unknown",
        }),
      },
      {
        description:
          "The status inquiry made before the match, so the hub's rows show final outcomes",
      },
    ),
  },
  { title: "ReconciliationMatch" },
);

export function matchSummaryView(summary: MatchResult) {
  return {
    ...summary,
    breaks: { ...summary.breaks },
    unknownHubTransactionIds: [...summary.unknownHubTransactionIds],
    inquiry: { ...summary.inquiry },
  };
}

/** A refused reconciliation request as its problem; a malformed record lists its rows. */
export function sendReconciliationProblem(
  reply: FastifyReply,
  outcome: Extract<ReconciliationOutcome<unknown>, { ok: false }>,
): FastifyReply {
  if (outcome.code === "record_malformed" && outcome.malformed !== undefined) {
    return sendProblem(reply, "record_malformed", {
      detail: `${outcome.malformed.count} malformed rows`,
      errors: outcome.malformed.rows.map((row) => ({
        location: "body",
        pointer: `/lines/${row.line}`,
        detail: row.problem,
      })),
    });
  }
  return sendProblem(reply, outcome.code, { detail: outcome.detail });
}
