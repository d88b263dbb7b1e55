import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type {
  StatementContext,
  StatementWriter,
} from "../../app/reconciliation/statement-writer.ts";
import type { StatementRow, StatementStatus } from "../../domain/reconciliation/statement-row.ts";
import {
  type DailyStatementEntry,
  type DailyStatementEntryStatus,
  dailyStatementCamt053Chunks,
} from "./daily-statement-camt053-stream.ts";
import { isoIdLengthMax } from "./iso-text.ts";
import { clearingSystemId, hubMemberId } from "./settlement-report-xml.ts";

/**
 * How a statement row's status reads as a camt.053 entry status: a completed movement is
 * booked; one still pending or unknown is pending; one that failed or was reversed moved no
 * money and is information only.
 */
const entryStatusOf: Readonly<Record<StatementStatus, DailyStatementEntryStatus>> = {
  completed: "booked",
  pending: "pending",
  unknown: "pending",
  failed: "information",
  reversed: "information",
};

/** A statement row as a camt.053 entry of the participant's position account. */
export function dailyStatementEntryOf(row: StatementRow): DailyStatementEntry {
  const debit = row.amountMinor < 0n;
  return {
    hubTransactionId: row.hubTransactionId,
    participantReference: row.participantReference,
    type: row.type,
    counterparty: { memberId: row.counterpartyId },
    direction: debit ? "debit" : "credit",
    amountMinor: debit ? -row.amountMinor : row.amountMinor,
    feeMinor: row.feeMinor === 0n ? undefined : row.feeMinor,
    status: entryStatusOf[row.status],
    windowId: row.windowId ?? undefined,
    acceptedAt: row.createdAt,
    bookedAt: row.updatedAt,
  };
}

/**
 * `MsgId` and `Stmt/Id`: the day, the currency and the participant; a participant id too long
 * for ISO's 35 characters is named by a digest of it instead (the account's owner names it).
 */
function messageIdOf(context: StatementContext, currency: string): string {
  const prefix = `${context.day}/${currency}/`;
  const id = `${prefix}${context.participantId}`;
  if (id.length <= isoIdLengthMax) return id;
  const digest = createHash("sha256").update(context.participantId).digest("hex");
  return `${prefix}${digest.slice(0, isoIdLengthMax - prefix.length)}`;
}

async function* entriesOf(
  pages: AsyncIterable<readonly StatementRow[]>,
): AsyncIterable<DailyStatementEntry> {
  for await (const page of pages) {
    for (const row of page) yield dailyStatementEntryOf(row);
  }
}

/**
 * The daily statement as camt.053.001.08, streamed through the ISO 20022 writer: one currency
 * (the service gives its rows only, with the balances and totals read first). A row the writer
 * cannot put in ISO 20022, or totals that no longer match the rows, fail the stream: a
 * half-written statement must not pass for a whole one.
 */
export const camt053StatementWriter: StatementWriter = {
  mediaType: "application/xml; charset=utf-8",
  perCurrency: true,
  write(pages, context) {
    const currency = context.currency;
    if (currency === undefined) throw new Error("a camt.053 statement is of one currency");
    const { totals } = currency;
    const input = {
      messageId: messageIdOf(context, currency.code),
      createdAt: context.createdAt,
      clearingSystemId,
      hub: { memberId: hubMemberId, name: "clearhub" },
      participant: { memberId: context.participantId },
      positionAccountId: totals.positionAccountId,
      currency: currency.code,
      businessDate: context.day,
      from: context.fromMs,
      to: context.toMs,
      openingBalanceMinor: totals.openingBalanceMinor,
      closingBalanceMinor: totals.closingBalanceMinor,
      credits: totals.credits,
      debits: totals.debits,
    };
    return Readable.from(dailyStatementCamt053Chunks(input, entriesOf(pages)), {
      objectMode: false,
    });
  },
};
