import type { StatementRow } from "../../domain/reconciliation/statement-row.ts";

/** Whose statement, over which instants (`[fromMs, toMs)`). */
export interface StatementQuery {
  readonly participantId: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/** Rows are read in pages of at most this many: the most a statement holds in memory. */
export const statementPageSizeMax = 5_000;

/**
 * The hub's record of a participant's day, read from the ledger. Pages come oldest first (by
 * the transfer's time, then its id), each read only when the previous one was taken, so a day
 * of any size streams in bounded memory.
 */
export interface StatementStore {
  pages(query: StatementQuery, pageSize: number): AsyncIterable<readonly StatementRow[]>;
  /**
   * The day's operations the statement shows as `unknown`, oldest first, at most `limit`: what a
   * status inquiry can settle before the day is matched.
   */
  unknownOperations(query: StatementQuery, limit: number): Promise<UnknownOperation[]>;
  /**
   * What a statement of one currency declares before its rows: the participant's position
   * account, its booked balances at the day's two cut-offs and the day's rows per direction.
   * Undefined when the participant has no position in the currency.
   */
  dayTotals(query: StatementQuery, currency: string): Promise<StatementDayTotals | undefined>;
}

/** How many rows of one direction, and the sum of their sizes in minor units. */
export interface DirectionTotals {
  readonly count: number;
  readonly sumMinor: bigint;
}

/**
 * A day's figures in one currency. A booked balance is the sum, over the statement's rows of
 * the participant before that instant that are `completed`, of the signed amount less the fee.
 */
export interface StatementDayTotals {
  readonly positionAccountId: string;
  readonly openingBalanceMinor: bigint;
  readonly closingBalanceMinor: bigint;
  /** Rows the participant receives (amount ≥ 0), whatever their status. */
  readonly credits: DirectionTotals;
  /** Rows the participant pays (amount < 0), sized without sign. */
  readonly debits: DirectionTotals;
}

/** An operation whose outcome the hub does not know, keyed as its kind's store keys it. */
export interface UnknownOperation {
  readonly hubTransactionId: string;
  readonly kind: "bank_operation" | "bill_payment" | "barcode_payment";
  /** A bank operation's institution and id; a bill payment's channel and id. */
  readonly key: readonly [owner: string, id: string];
}
