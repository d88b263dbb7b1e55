import type { BillPayment } from "../../domain/bill-payments/bill-payment.ts";
import type { OperationStore } from "./operation-store.ts";

export type BillPaymentKey = [channelId: string, id: string];

export type BillPaymentInsert = { readonly payment: BillPayment; readonly created: boolean };

/**
 * Bill payments, one row per (channel, payment id). The operation runner and the inquiry job
 * use it as any operation store: writes that expect the state read, and leased claims of the
 * postings due (`accepted` and `posting`), so that hub nodes never take up one posting at once.
 */
export interface BillPaymentStore extends OperationStore<BillPayment, BillPaymentKey> {
  /** Records a payment; the one stored already under its key is answered instead, not replaced. */
  insert(payment: BillPayment): Promise<BillPaymentInsert>;
  /** The payment a biller's posting id names, if it is that biller's. */
  findByPosting(billerId: string, postingId: string): Promise<BillPayment | undefined>;
  /** Payments in `posting_failed`, newest first, for the operator. */
  listFailed(limit: number): Promise<BillPayment[]>;
}
