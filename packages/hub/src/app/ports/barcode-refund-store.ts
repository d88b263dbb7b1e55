import type { BarcodeRefund } from "../../domain/barcode/barcode-refund.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import type { OperationStore } from "./operation-store.ts";

export type BarcodeRefundKey = [acquirerId: string, id: string];

/** What recording a refund came to: written, found under its key, or past its payment. */
export type BarcodeRefundInsert =
  | { readonly ok: true; readonly refund: BarcodeRefund; readonly created: boolean }
  | { readonly ok: false; readonly code: "refund_exceeds_payment" };

/**
 * Refunds of barcode payments, one row per (acquirer, its refund id). The operation runner and
 * the inquiry job use it as any operation store for consumer-presented refunds still unsettled.
 */
export interface BarcodeRefundStore extends OperationStore<BarcodeRefund, BarcodeRefundKey> {
  /**
   * Records a refund and raises its payment's `refunded` by its amount in one transaction, only
   * if the payment is `succeeded` and the sum stays at most its amount: concurrent refunds never
   * pass it together. The refund stored already under its key is answered instead, and nothing
   * is raised again. `events` are written with it (a refund written settled).
   */
  insert(refund: BarcodeRefund, events: readonly PreparedEvent[]): Promise<BarcodeRefundInsert>;
  findByRefundId(refundId: string): Promise<BarcodeRefund | undefined>;
  /**
   * As the port's `update`; a refund moved to `declined` gives its amount back to its
   * payment's `refunded` in the same transaction.
   */
  update: OperationStore<BarcodeRefund, BarcodeRefundKey>["update"];
}
