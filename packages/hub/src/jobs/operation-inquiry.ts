import { PeriodicJob } from "./periodic-job.ts";

export interface OperationInquiryOptions {
  readonly intervalMs: number;
  /** Operations one pass takes of each kind; each is one call, run side by side. */
  readonly batchSizeMax: number;
  /**
   * How long a claimed operation stays out of other nodes' reach: longer than a take-up can
   * take (the longest endpoint timeout), so two nodes never ask about one operation at once.
   */
  readonly leaseMs: number;
  readonly onError: (error: unknown) => void;
}

export const operationInquiryDefaults: Omit<OperationInquiryOptions, "onError"> = {
  intervalMs: 1_000,
  batchSizeMax: 50,
  leaseMs: 130_000,
};

/** One registered kind, its operation type hidden: claims what is due, ready to take up. */
export interface InquiredKind {
  claimDue(now: number, limit: number, leaseMs: number): Promise<(() => Promise<unknown>)[]>;
}

/**
 * A kind of operation for the job: its store's claim and its runner's take-up (bank operations:
 * the bank operation store and `BankOperationRunner.runner`; bill postings next).
 */
export function inquiredKind<Operation>(
  store: { claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<Operation[]> },
  runner: { takeUp(operation: Operation): Promise<unknown> },
): InquiredKind {
  return {
    async claimDue(now, limit, leaseMs) {
      const due = await store.claimDueInquiries(now, limit, leaseMs);
      return due.map((operation) => () => runner.takeUp(operation));
    },
  };
}

/**
 * Settles operations whose outcome the hub does not know, of every registered kind: each pass
 * claims those due (through the database, so hub nodes share the work without taking the same
 * one) and has the kind's runner take each up, by a status inquiry (the callee is asked by the
 * hub's transaction id) or by sending the call again where the kind says so. A final answer
 * settles the operation and tells the participant by webhook; any other waits for the next,
 * later take-up.
 */
export class OperationInquiry {
  private readonly job: PeriodicJob;

  constructor(
    private readonly kinds: readonly InquiredKind[],
    private readonly options: OperationInquiryOptions,
    private readonly clock: () => number = Date.now,
  ) {
    this.job = new PeriodicJob(options.intervalMs, () => this.pass(), options.onError);
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass over every kind; answers how many operations it took up. */
  async pass(): Promise<number> {
    const counts = await Promise.all(this.kinds.map((kind) => this.passOver(kind)));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  private async passOver(kind: InquiredKind): Promise<number> {
    const due = await kind.claimDue(this.clock(), this.options.batchSizeMax, this.options.leaseMs);
    const results = await Promise.allSettled(due.map((takeUp) => takeUp()));
    for (const result of results) {
      if (result.status === "rejected") this.options.onError(result.reason);
    }
    return due.length;
  }
}
