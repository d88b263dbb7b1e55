import type { BillPayment } from "../../domain/bill-payments/bill-payment.ts";
import type { BillPaymentStore } from "../ports/bill-payment-store.ts";
import type { NoticeLog } from "../ports/notice-log.ts";
import type { BillPostingRunner } from "./bill-posting-runner.ts";

/** A biller's reversal notice, its amount in minor units. */
export interface ReversalNoticeInput {
  readonly noticeId: string;
  readonly postingId: string;
  readonly receiptNumber: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly reasonCode: string;
  readonly reversedAt: number;
}

export type ReversalNoticeRefusalCode = "reversal_amount_mismatch" | "bill_payment_not_reversible";

export type ReversalNoticeOutcome =
  | { readonly kind: "applied"; readonly payment: BillPayment }
  | { readonly kind: "repeated" }
  | { readonly kind: "posting_unknown" }
  | { readonly kind: "refused"; readonly code: "reversal_amount_mismatch" }
  | { readonly kind: "refused"; readonly code: "bill_payment_not_reversible" };

/**
 * A biller's reversal of a payment it had credited: the money is cleared back to the channel
 * once (the id a rejection would use too) and the channel told by `bill_payment.reversed`. The
 * notice log keeps each applied notice, so a repeat is answered without acting; the effect is
 * idempotent on its own, so a crash before the record only means a repeat applies it again,
 * harmlessly. A notice that does not match the posting (another amount or currency: the
 * interface reverses whole payments) is refused and changes nothing.
 */
export class BillReversalNotices {
  constructor(
    private readonly store: BillPaymentStore,
    private readonly postings: BillPostingRunner,
    private readonly notices: NoticeLog,
    private readonly clock: () => number = Date.now,
  ) {}

  async apply(billerId: string, notice: ReversalNoticeInput): Promise<ReversalNoticeOutcome> {
    if (await this.notices.seen(billerId, notice.noticeId)) return { kind: "repeated" };
    const payment = await this.store.findByPosting(billerId, notice.postingId);
    if (payment === undefined) return { kind: "posting_unknown" };
    if (payment.amountMinor !== notice.amountMinor || payment.currency !== notice.currency) {
      return { kind: "refused", code: "reversal_amount_mismatch" };
    }
    const reversed = await this.postings.reverse(payment, notice.receiptNumber, notice.reversedAt);
    if (!reversed.ok) return { kind: "refused", code: reversed.code };
    await this.notices.record(
      billerId,
      notice.noticeId,
      "reversal",
      this.clock(),
      notice.postingId,
    );
    return { kind: "applied", payment: reversed.payment };
  }
}
