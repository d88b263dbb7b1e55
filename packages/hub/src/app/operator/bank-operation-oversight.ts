import { type BankOperation, isSettled } from "../../domain/bank-operations/bank-operation.ts";
import type {
  BankOperationCursor,
  BankOperationFilter,
  BankOperationReadStore,
  StuckSummary,
} from "../ports/bank-operation-read-store.ts";
import type { BankOperationStore } from "../ports/bank-operation-store.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export type { BankOperationCursor } from "../ports/bank-operation-read-store.ts";

export const bankOperationPageSizeMax = 500;
/** An operation unsettled for longer than this is stuck unless the operator says otherwise. */
export const stuckAfterSecondsDefault = 300;
/** The stuck view is a worklist: this many, oldest first, is more than anyone works through. */
export const stuckListSizeMax = 1000;

/** What can inquire about one operation now: the runner's inquiry, the same the job makes. */
export interface OperationInquirer {
  inquire(operation: BankOperation): Promise<BankOperation>;
}

export interface StuckOperation {
  readonly operation: BankOperation;
  readonly ageSeconds: number;
}

export type InquireNowOutcome =
  | { readonly ok: true; readonly operation: BankOperation }
  | { readonly ok: false; readonly code: "bank_operation_not_found" | "bank_operation_final" };

/**
 * The operator's view of every institution's debits, payouts and refunds: lists, the stuck
 * ones (unsettled, that is processing, pending or unknown, for longer than a threshold), and an
 * inquiry made now instead of at the operation's next due time.
 */
export class BankOperationOversight {
  constructor(
    private readonly reads: BankOperationReadStore,
    private readonly operations: BankOperationStore,
    private readonly inquirer: OperationInquirer,
    // Read at each call, so a test's clock (a faked Date) reaches it.
    private readonly clock: () => number = () => Date.now(),
  ) {}

  list(
    filter: BankOperationFilter,
    limit: number,
    after?: BankOperationCursor,
  ): Promise<BankOperation[]> {
    return this.reads.list(filter, Math.min(Math.max(limit, 1), bankOperationPageSizeMax), after);
  }

  async stuck(olderThanSeconds = stuckAfterSecondsDefault): Promise<StuckOperation[]> {
    const now = this.clock();
    const found = await this.reads.listUnsettledBefore(
      now - olderThanSeconds * 1000,
      stuckListSizeMax,
    );
    return found.map((operation) => ({
      operation,
      ageSeconds: ageSeconds(now, operation.createdAt),
    }));
  }

  /** The count and the oldest age, in seconds, of operations stuck for the default threshold. */
  async stuckSummary(): Promise<{ count: number; oldestAgeSeconds: number }> {
    const now = this.clock();
    const summary: StuckSummary = await this.reads.summarizeUnsettledBefore(
      now - stuckAfterSecondsDefault * 1000,
    );
    return {
      count: summary.count,
      oldestAgeSeconds:
        summary.oldestCreatedAt === null ? 0 : ageSeconds(now, summary.oldestCreatedAt),
    };
  }

  /**
   * Asks the bank now. A final operation has nothing left to ask. An inquiry the job makes at
   * the same moment is harmless: each settles only from the state it read, so the operation
   * is settled once and the later answer is read back.
   */
  async inquireNow(participantId: string, id: string): Promise<InquireNowOutcome> {
    const operation = await this.operations.find(participantId, id);
    if (operation === undefined) return { ok: false, code: "bank_operation_not_found" };
    if (isSettled(operation.state)) return { ok: false, code: "bank_operation_final" };
    return { ok: true, operation: await this.inquirer.inquire(operation) };
  }
}

function ageSeconds(now: number, since: number): number {
  return Math.max(0, Math.floor((now - since) / 1000));
}
