import type { TransactionResultNotice } from "../../api/bank-interface/bank-notice-messages.ts";
import type { BankOperationOutcome } from "../../domain/bank-operations/bank-operation-outcome.ts";
import type { BankOperationStore } from "../ports/bank-operation-store.ts";
import type { NoticeLog } from "../ports/notice-log.ts";
import type { BankOperationRunner } from "./bank-operation-runner.ts";

export type ResultNoticeOutcome = "applied" | "repeated" | "transaction_unknown";

/**
 * A bank's notice of a transaction's final outcome, applied as an inquiry's answer would be:
 * the same settle, so a notice and an inquiry racing each other settle the operation once.
 */
export class BankOperationNotices {
  constructor(
    private readonly operations: BankOperationStore,
    private readonly runner: BankOperationRunner,
    private readonly notices: NoticeLog,
    private readonly clock: () => number = Date.now,
  ) {}

  async applyResultNotice(
    bankId: string,
    notice: TransactionResultNotice,
  ): Promise<ResultNoticeOutcome> {
    if (await this.notices.seen(bankId, notice.noticeId)) return "repeated";
    const operation = await this.operations.findByTransaction(bankId, notice.result.transactionId);
    if (operation !== undefined && operation.kind === notice.operation) {
      await this.runner.settle(operation, noticeOutcome(notice.result));
    }
    await this.notices.record(
      bankId,
      notice.noticeId,
      "transaction_result",
      this.clock(),
      notice.result.transactionId,
    );
    return operation === undefined ? "transaction_unknown" : "applied";
  }
}

function noticeOutcome(result: TransactionResultNotice["result"]): BankOperationOutcome {
  return result.status === "succeeded"
    ? {
        kind: "succeeded",
        bankReference: result.bankReference,
        completedAt: Date.parse(result.completedAt),
      }
    : { kind: "failed", code: result.reasonCode, text: result.reasonText };
}
