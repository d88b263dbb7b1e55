import { type BillPayment, isBillPaymentSettled } from "./bill-payment.ts";

/**
 * What was learnt about a posting, from its call or a status inquiry:
 * - `succeeded`: the biller credited the customer, with its receipt;
 * - `failed` by `rejected`: the biller refused for good (the money is cleared back), or by
 *   `deadline`: the posting stayed unsettled past its deadline (`posting_failed`);
 * - `pending`: the biller will decide later, or `resend` when it refused the request before
 *   reading it (busy, a signature it could not check): nothing was recorded, post again;
 * - `unknown`: sent with no answer to rely on.
 */
export type PostingOutcome =
  | { readonly kind: "succeeded"; readonly receiptNumber: string; readonly postedAt: number }
  | {
      readonly kind: "failed";
      readonly cause: "rejected" | "deadline";
      readonly code: string;
      readonly text: string;
    }
  | { readonly kind: "pending"; readonly resend: boolean }
  | { readonly kind: "unknown" };

/**
 * The payment after an outcome, or undefined when its state does not allow the move (settled
 * already, or an unknown outcome of a posting whose outcome is unknown already).
 */
export function applyPostingOutcome(
  payment: BillPayment,
  outcome: PostingOutcome,
  at: number,
  nextInquiryAt: number,
): BillPayment | undefined {
  if (isBillPaymentSettled(payment.state)) return undefined;
  switch (outcome.kind) {
    case "succeeded":
      return {
        ...payment,
        state: "posted",
        receiptNumber: outcome.receiptNumber,
        postedAt: outcome.postedAt,
        updatedAt: at,
      };
    case "failed":
      return {
        ...payment,
        state: outcome.cause === "rejected" ? "rejected" : "posting_failed",
        failureCode: outcome.code,
        failureText: outcome.text,
        updatedAt: at,
      };
    case "pending":
      // A refusal before reading leaves a posting not yet delivered as it was: post it again.
      return {
        ...payment,
        state: outcome.resend ? payment.state : "posting",
        nextInquiryAt,
        updatedAt: at,
      };
    case "unknown":
      if (payment.state !== "accepted") return undefined;
      return { ...payment, state: "posting", nextInquiryAt, updatedAt: at };
  }
}

/**
 * A biller's reversal of a payment it credited. Allowed while the hub still awaits the
 * posting's outcome (the reversal says the biller accepted it), after it was posted, or after
 * it was given up (the money still sits with the biller); never after a rejection, whose money
 * went back already.
 */
export function applyReversal(
  payment: BillPayment,
  receiptNumber: string,
  reversedAt: number,
  at: number,
): BillPayment | undefined {
  if (payment.state === "rejected" || payment.state === "reversed") return undefined;
  return {
    ...payment,
    state: "reversed",
    receiptNumber: payment.receiptNumber ?? receiptNumber,
    reversedAt,
    updatedAt: at,
  };
}
