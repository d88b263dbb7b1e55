import type { UnknownOperation } from "../ports/statement-store.ts";

/** How an on-demand take-up left the operation: settled, still unsettled, or not found. */
export type TakeUpNowResult = "settled" | "unsettled" | "not_found";

/**
 * One registered kind of operation whose outcome the hub may not know, its operation type
 * hidden: what is due for the periodic job, and one operation by its key for a caller that
 * needs its outcome now (the day's reconciliation).
 */
export interface InquiredKind {
  /** The kind as the statement names its operations (`UnknownOperation.kind`). */
  readonly name: UnknownOperation["kind"];
  claimDue(now: number, limit: number, leaseMs: number): Promise<(() => Promise<unknown>)[]>;
  takeUpNow(key: UnknownOperation["key"]): Promise<TakeUpNowResult>;
}

/**
 * A kind of operation for the status inquiry: its store's claim and lookup, and its runner's
 * take-up (bank operations: the bank operation store and `BankOperationRunner.runner`; bill
 * postings: the bill payment store and `BillPostingRunner`).
 */
export function inquiredKind<Operation>(
  name: UnknownOperation["kind"],
  store: {
    claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<Operation[]>;
    find(owner: string, id: string): Promise<Operation | undefined>;
  },
  runner: { takeUp(operation: Operation): Promise<Operation> },
  isSettled: (operation: Operation) => boolean,
): InquiredKind {
  return {
    name,
    async claimDue(now, limit, leaseMs) {
      const due = await store.claimDueInquiries(now, limit, leaseMs);
      return due.map((operation) => () => runner.takeUp(operation));
    },
    async takeUpNow([owner, id]) {
      const found = await store.find(owner, id);
      if (found === undefined) return "not_found";
      if (isSettled(found)) return "settled";
      return isSettled(await runner.takeUp(found)) ? "settled" : "unsettled";
    },
  };
}

/** What asking about a list of operations now came to, by hub transaction id. */
export interface TakeUpReport {
  readonly settled: readonly string[];
  /** Still without a final outcome: the callee did not answer, or answered `pending`. */
  readonly unsettled: readonly string[];
}

/** On-demand take-ups run side by side this many at a time: each is one call to a callee. */
export const takeUpNowConcurrencyMax = 8;

/**
 * The status inquiry of every registered kind, the one path by which the hub asks a bank or a
 * biller where an operation stands. The periodic job calls `pass` (claims through the database,
 * so hub nodes share the work without taking the same one); reconciliation calls `takeUpEach`
 * for a day's unknown operations before it matches the day. Both go through the kind's runner,
 * which settles an operation only from the state it read: a job's take-up racing an on-demand
 * one settles it once, and the loser reads the outcome back.
 */
export class StatusInquiry {
  constructor(
    private readonly kinds: readonly InquiredKind[],
    private readonly onError: (error: unknown) => void,
  ) {}

  /** One pass of the job over every kind; answers how many operations it took up. */
  async pass(now: number, batchSizeMax: number, leaseMs: number): Promise<number> {
    const counts = await Promise.all(
      this.kinds.map(async (kind) => {
        const due = await kind.claimDue(now, batchSizeMax, leaseMs);
        const results = await Promise.allSettled(due.map((takeUp) => takeUp()));
        for (const result of results) {
          if (result.status === "rejected") this.onError(result.reason);
        }
        return due.length;
      }),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  }

  /**
   * Takes each operation up now, as the job would when it falls due, a few at a time; `onDone`
   * hears how many are done. A take-up that throws leaves its operation unsettled (reported,
   * never guessed).
   */
  async takeUpEach(
    operations: readonly UnknownOperation[],
    onDone: (done: number) => void = () => {},
  ): Promise<TakeUpReport> {
    const settled: string[] = [];
    const unsettled: string[] = [];
    for (let start = 0; start < operations.length; start += takeUpNowConcurrencyMax) {
      const batch = operations.slice(start, start + takeUpNowConcurrencyMax);
      const results = await Promise.allSettled(batch.map((operation) => this.takeUpNow(operation)));
      results.forEach((result, index) => {
        const id = (batch[index] as UnknownOperation).hubTransactionId;
        if (result.status === "rejected") this.onError(result.reason);
        const isSettled = result.status === "fulfilled" && result.value === "settled";
        (isSettled ? settled : unsettled).push(id);
      });
      onDone(start + batch.length);
    }
    return { settled, unsettled };
  }

  private async takeUpNow(operation: UnknownOperation): Promise<TakeUpNowResult> {
    const kind = this.kinds.find((candidate) => candidate.name === operation.kind);
    if (kind === undefined) throw new Error(`no status inquiry for ${operation.kind}`);
    return kind.takeUpNow(operation.key);
  }
}

/**
 * The kind with its due operations judged by the clock their times were written by (a kind's
 * own, which tests move), whatever clock the job passes.
 */
export function onOwnClock(kind: InquiredKind, clock: () => number): InquiredKind {
  return { ...kind, claimDue: (_now, limit, leaseMs) => kind.claimDue(clock(), limit, leaseMs) };
}
