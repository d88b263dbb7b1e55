import type { StatusInquiry } from "../app/calls/status-inquiry.ts";
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

/**
 * Settles operations whose outcome the hub does not know, of every kind the status inquiry
 * knows, on a timer: each pass claims those due (through the database, so hub nodes share the
 * work without taking the same one) and has the kind's runner take each up, by a status inquiry
 * (the callee is asked by the hub's transaction id) or by sending the call again where the kind
 * says so. A final answer settles the operation and tells the participant by webhook; any other
 * waits for the next, later take-up. The work itself is the app's `StatusInquiry`, which
 * reconciliation calls too.
 */
export class OperationInquiry {
  private readonly job: PeriodicJob;

  constructor(
    private readonly inquiry: Pick<StatusInquiry, "pass">,
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
  pass(): Promise<number> {
    return this.inquiry.pass(this.clock(), this.options.batchSizeMax, this.options.leaseMs);
  }
}
