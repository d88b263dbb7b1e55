import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import {
  type BusinessDayConfig,
  businessDayRange,
  parseBusinessDay,
} from "../../domain/reconciliation/business-day.ts";
import {
  type BreakResolution,
  isReversible,
  type ReconciliationBreak,
  stateAfterResolution,
  writeOffReasonLengthMax,
} from "../../domain/reconciliation/reconciliation-break.ts";
import type { StatementRow } from "../../domain/reconciliation/statement-row.ts";
import type { StatusInquiry } from "../calls/status-inquiry.ts";
import type { LedgerReader } from "../ledger/ledger-reader.ts";
import type { OperatorTransferService } from "../ledger/operator-transfer-service.ts";
import type {
  BreakFilter,
  MatchSummary,
  ReconciliationStore,
} from "../ports/reconciliation-store.ts";
import {
  type StatementQuery,
  type StatementStore,
  statementPageSizeMax,
} from "../ports/statement-store.ts";
import { type MalformedRow, parseRecord } from "./record-parse.ts";
import { counted, rowsIn } from "./statement-pages.ts";
import type { StatementContext, StatementFormat, StatementWriters } from "./statement-writer.ts";

/** What the HTTP layer shows of the store's answers, and its page bound. */
export { breakPageSizeMax, type MatchSummary } from "../ports/reconciliation-store.ts";

export type ReconciliationErrorCode =
  | "business_day_invalid"
  | "participant_not_found"
  | "record_malformed"
  | "break_not_found"
  | "break_resolved"
  | "break_not_reversible"
  | "write_off_reason_invalid"
  | "reversal_refused"
  | "statement_currency_required"
  | "statement_currency_not_held";

export type ReconciliationOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: ReconciliationErrorCode;
      /** For `record_malformed`: how many rows, and the first ones by line. */
      readonly malformed?: { readonly count: number; readonly rows: readonly MalformedRow[] };
      readonly detail?: string;
    };

function fail<T>(code: ReconciliationErrorCode, detail?: string): ReconciliationOutcome<T> {
  return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
}

export interface ReconciliationDeps {
  readonly statements: StatementStore;
  readonly store: ReconciliationStore;
  readonly participantExists: (id: string) => Promise<boolean>;
  readonly ledger: Pick<LedgerReader, "findTransfer">;
  readonly operatorTransfers: Pick<OperatorTransferService, "submit">;
  readonly businessDay: BusinessDayConfig;
  /** The statement's formats, by name. */
  readonly writers: StatementWriters;
  /**
   * Asks banks and billers about the day's unknown operations before a match; without it (a
   * store read on its own) they are only listed as unknown.
   */
  readonly inquiry?: Pick<StatusInquiry, "takeUpEach"> | undefined;
  readonly clock?: () => number;
}

/** A day's unknown operations one match asks about at most: each is a call to a bank or biller. */
export const unknownInquiriesPerMatchMax = 200;

/** What the status inquiry before a match came to. */
export interface UnknownInquiry {
  /** How many of the day's unknown operations the hub asked about: at most `limit`. */
  readonly asked: number;
  /** How many of those have a final outcome now. */
  readonly settled: number;
  readonly limit: number;
  /** More were unknown than the limit: those not asked about stay unknown in this match. */
  readonly more: boolean;
}

export interface MatchOptions {
  /** Told how many record rows are staged so far. */
  readonly onRows?: ((rows: number) => void) | undefined;
  /** At most this many unknown operations asked about (1 to `unknownInquiriesPerMatchMax`). */
  readonly inquiryLimit?: number | undefined;
  /** Told how many of `total` inquiries are done, before the record is read. */
  readonly onInquiry?: ((done: number, total: number) => void) | undefined;
}

export type MatchResult = MatchSummary & { readonly inquiry: UnknownInquiry };

/** Reversals' ids: derived from the break's, so asking twice reverses once. */
export function reversalTransferIdOf(breakId: string): string {
  return `rev.${breakId}`;
}

/**
 * Daily reconciliation: a participant's statement of a business day (the hub's record, read
 * from the ledger), the match of the participant's own record against it, and the workflow
 * that resolves each break it finds, every step in the audit log.
 */
export class ReconciliationService {
  private readonly clock: () => number;

  constructor(private readonly deps: ReconciliationDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  get businessDay(): BusinessDayConfig {
    return this.deps.businessDay;
  }

  /** The day's rows page by page, oldest first; nothing is read before the caller asks. */
  async statementPages(
    participantId: string,
    day: string,
    pageSize = statementPageSizeMax,
  ): Promise<ReconciliationOutcome<AsyncIterable<readonly StatementRow[]>>> {
    const checked = await this.checkDay(participantId, day);
    if (!checked.ok) return checked;
    const range = businessDayRange(checked.value, this.deps.businessDay);
    const pages = this.deps.statements.pages({ participantId, ...range }, pageSize);
    return { ok: true, value: pages };
  }

  /** The day's statement as a streaming CSV. */
  statementCsv(participantId: string, day: string): Promise<ReconciliationOutcome<Readable>> {
    return this.statementDocument(participantId, day, "csv");
  }

  /**
   * The day's statement in one of the hub's formats, streamed; of one currency when it is named.
   * A format of one currency (camt.053) needs it, and reads its balances and totals before the
   * rows. `onRows` hears how many rows were read so far.
   */
  async statementDocument(
    participantId: string,
    day: string,
    format: StatementFormat,
    currency?: string,
    onRows?: (rows: number) => void,
  ): Promise<ReconciliationOutcome<Readable>> {
    const writer = this.deps.writers[format];
    if (writer.perCurrency && currency === undefined) return fail("statement_currency_required");
    const checked = await this.checkDay(participantId, day);
    if (!checked.ok) return checked;
    const createdAt = this.clock();
    const wholeDay = businessDayRange(checked.value, this.deps.businessDay);
    // A statement declaring totals first covers the day up to now only: a day still open gains
    // rows, and rows written after the totals were read would contradict them.
    const range = writer.perCurrency
      ? { ...wholeDay, toMs: Math.min(wholeDay.toMs, createdAt) }
      : wholeDay;
    const query = { participantId, ...range };
    const all = this.deps.statements.pages(query, statementPageSizeMax);
    const kept = currency === undefined ? all : rowsIn(all, currency);
    const pages = onRows === undefined ? kept : counted(kept, onRows);
    const context: StatementContext = { participantId, day, ...range, createdAt };
    if (!writer.perCurrency || currency === undefined) {
      return { ok: true, value: writer.write(pages, context) };
    }
    const totals = await this.deps.statements.dayTotals(query, currency);
    if (totals === undefined) return fail("statement_currency_not_held", currency);
    return {
      ok: true,
      value: writer.write(pages, { ...context, currency: { code: currency, totals } }),
    };
  }

  /**
   * Matches the participant's uploaded record of the day against the hub's. First the day's
   * operations still unknown are settled by status inquiry (the bank or biller asked, as the
   * inquiry job would), so the hub's rows show their final states; those still unknown after it
   * are listed apart, never guessed and never breaks. A record with any malformed row is refused
   * whole and changes nothing; otherwise the day's open breaks are replaced by the ones found
   * (see RecordStaging.match).
   */
  async match(
    participantId: string,
    day: string,
    record: Readable | AsyncIterable<Buffer | string>,
    uploadedBy: string,
    options: MatchOptions = {},
  ): Promise<ReconciliationOutcome<MatchResult>> {
    const checked = await this.checkDay(participantId, day);
    if (!checked.ok) return checked;
    const range = businessDayRange(checked.value, this.deps.businessDay);
    // Before the staging: its scratch tables may hold the only writer (SQLite) the settling needs.
    const inquiry = await this.settleUnknown({ participantId, ...range }, options);
    const summary = await this.stageAndMatch(
      participantId,
      day,
      range,
      record,
      uploadedBy,
      options,
    );
    return summary.ok ? { ok: true, value: { ...summary.value, inquiry } } : summary;
  }

  /** Asks about the day's unknown operations, oldest first, up to the limit. */
  private async settleUnknown(
    query: StatementQuery,
    options: MatchOptions,
  ): Promise<UnknownInquiry> {
    const limit = Math.min(
      Math.max(Math.trunc(options.inquiryLimit ?? unknownInquiriesPerMatchMax), 1),
      unknownInquiriesPerMatchMax,
    );
    if (this.deps.inquiry === undefined) return { asked: 0, settled: 0, limit, more: false };
    const found = await this.deps.statements.unknownOperations(query, limit + 1);
    const asking = found.slice(0, limit);
    options.onInquiry?.(0, asking.length);
    const report = await this.deps.inquiry.takeUpEach(asking, (done) =>
      options.onInquiry?.(done, asking.length),
    );
    return {
      asked: asking.length,
      settled: report.settled.length,
      limit,
      more: found.length > limit,
    };
  }

  private async stageAndMatch(
    participantId: string,
    day: string,
    range: { fromMs: number; toMs: number },
    record: Readable | AsyncIterable<Buffer | string>,
    uploadedBy: string,
    options: MatchOptions,
  ): Promise<ReconciliationOutcome<MatchSummary>> {
    const onRows = options.onRows ?? (() => {});
    const staging = await this.deps.store.stage({
      id: `rc-${randomBytes(8).toString("hex")}`,
      participantId,
      day,
      ...range,
      at: this.clock(),
      uploadedBy,
    });
    let staged = 0;
    try {
      const parsed = await parseRecord(record, async (rows) => {
        await staging.add(rows);
        staged += rows.length;
        onRows(staged);
      });
      if (parsed.malformed > 0) {
        await staging.abandon();
        return {
          ok: false,
          code: "record_malformed",
          malformed: { count: parsed.malformed, rows: parsed.malformedListed },
        };
      }
      return { ok: true, value: await staging.match() };
    } catch (error) {
      await staging.abandon();
      throw error;
    }
  }

  listBreaks(filter: BreakFilter): Promise<ReconciliationBreak[]> {
    return this.deps.store.listBreaks(filter);
  }

  async findBreak(id: string): Promise<ReconciliationBreak | undefined> {
    return this.deps.store.findBreak(id);
  }

  /**
   * Resolves an open break once: the hub's record accepted, the hub's transfer reversed by a
   * new one (derived id, so a retry reverses once), or written off with a reason. The change
   * and its audit entry commit together; a reversal's transfer is in the ledger before it.
   */
  async resolve(
    breakId: string,
    resolution: BreakResolution,
    actor: AuditActor,
  ): Promise<ReconciliationOutcome<ReconciliationBreak>> {
    const found = await this.deps.store.findBreak(breakId);
    if (found === undefined) return fail("break_not_found");
    if (found.state !== "open") return fail("break_resolved");
    let reason: string | null = null;
    if (resolution.kind === "write_off") {
      reason = resolution.reason.trim();
      if (reason === "" || reason.length > writeOffReasonLengthMax) {
        return fail("write_off_reason_invalid");
      }
    }
    let reversalTransferId: string | null = null;
    if (resolution.kind === "reverse") {
      const reversed = await this.reverse(found, actor);
      if (!reversed.ok) return reversed;
      reversalTransferId = reversed.value;
    }
    const at = this.clock();
    const state = stateAfterResolution[resolution.kind];
    const changed = await this.deps.store.resolveBreak(
      breakId,
      {
        state,
        reason,
        reversalTransferId,
        resolvedBy: actor.operator?.id ?? actor.id,
        resolvedAt: at,
      },
      {
        at,
        actor,
        action: "reconciliation.break_resolve",
        subject: `participant:${found.participantId}`,
        details: {
          breakId,
          day: found.day,
          kind: found.kind,
          resolution: resolution.kind,
          reason,
          reversalTransferId,
          hubTransactionId: found.hubTransactionId,
        },
      },
    );
    if (!changed) return fail("break_resolved");
    const resolved = await this.deps.store.findBreak(breakId);
    return { ok: true, value: resolved as ReconciliationBreak };
  }

  private async reverse(
    found: ReconciliationBreak,
    actor: AuditActor,
  ): Promise<ReconciliationOutcome<string>> {
    if (!isReversible(found)) return fail("break_not_reversible");
    const original = await this.deps.ledger.findTransfer(found.hubTransactionId as string);
    if (original === undefined || original.kind === "commit" || original.kind === "void") {
      return fail("break_not_reversible");
    }
    const id = reversalTransferIdOf(found.id);
    const [code] = await this.deps.operatorTransfers.submit(
      [
        {
          kind: "posted",
          id,
          debitAccountId: original.creditAccountId,
          creditAccountId: original.debitAccountId,
          amount: original.amount,
          currency: original.currency,
          reference: `reconciliation-reversal:${original.id}`,
        },
      ],
      actor,
    );
    if (code !== "ok" && code !== "exists") return fail("reversal_refused", code);
    return { ok: true, value: id };
  }

  private async checkDay(
    participantId: string,
    day: string,
  ): Promise<ReconciliationOutcome<string>> {
    const parsed = parseBusinessDay(day);
    if (parsed === undefined) return fail("business_day_invalid");
    if (!(await this.deps.participantExists(participantId))) return fail("participant_not_found");
    return { ok: true, value: parsed };
  }
}
