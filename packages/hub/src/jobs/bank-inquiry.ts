import type { BankOperationRunner } from "../app/payments/bank-operation-runner.ts";
import type { BankOperationStore } from "../app/ports/bank-operation-store.ts";
import { PeriodicJob } from "./periodic-job.ts";

export interface BankInquiryOptions {
  readonly intervalMs: number;
  /** Operations one pass takes; each is one inquiry call, run side by side. */
  readonly batchSizeMax: number;
  /**
   * How long a claimed operation stays out of other nodes' reach: longer than an inquiry can
   * take (the longest endpoint timeout), so two nodes never ask about one operation at once.
   */
  readonly leaseMs: number;
  readonly onError: (error: unknown) => void;
}

export const bankInquiryDefaults: Omit<BankInquiryOptions, "onError"> = {
  intervalMs: 1_000,
  batchSizeMax: 50,
  leaseMs: 130_000,
};

/**
 * Settles operations whose outcome the hub does not know: each pass claims those due (through
 * the database, so hub nodes share the work without taking the same one) and asks their bank by
 * the hub's transaction id. A final answer commits or voids the reservation and tells the
 * institution by webhook; any other answer waits for the next, later inquiry.
 */
export class BankInquiry {
  private readonly job: PeriodicJob;

  constructor(
    private readonly store: BankOperationStore,
    private readonly runner: BankOperationRunner,
    private readonly options: BankInquiryOptions,
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

  /** One pass; answers how many operations it asked about. */
  async pass(): Promise<number> {
    const due = await this.store.claimDueInquiries(
      this.clock(),
      this.options.batchSizeMax,
      this.options.leaseMs,
    );
    const results = await Promise.allSettled(
      due.map((operation) => this.runner.inquire(operation)),
    );
    for (const result of results) {
      if (result.status === "rejected") this.options.onError(result.reason);
    }
    return due.length;
  }
}
