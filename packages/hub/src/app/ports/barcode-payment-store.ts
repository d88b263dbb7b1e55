import type { BarcodePayment } from "../../domain/barcode/barcode-payment.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import type { OperationStore } from "./operation-store.ts";

export type BarcodePaymentKey = [initiatorId: string, id: string];

export type BarcodePaymentInsert = {
  readonly payment: BarcodePayment;
  readonly created: boolean;
};

/** A dynamic merchant-presented code, named as the acquirer's order lookup names it. */
export interface DynamicCodeRef {
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly orderReference: string;
}

/** Whether the code was claimed for the payment, or is another payment's already. */
export type DynamicCodeClaim =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly paymentId: string };

/**
 * Barcode payments, one row per (initiator, its payment id). The operation runner and the
 * inquiry job use it as any operation store for the consumer-presented payments still
 * authorising; a merchant-presented payment is written settled, with its events.
 */
export interface BarcodePaymentStore extends OperationStore<BarcodePayment, BarcodePaymentKey> {
  /**
   * Records a payment with its events in one transaction; the one stored already under its key
   * is answered instead, not replaced, and no event is written.
   */
  insert(payment: BarcodePayment, events: readonly PreparedEvent[]): Promise<BarcodePaymentInsert>;
  findByPaymentId(paymentId: string): Promise<BarcodePayment | undefined>;
  /** The payments of one order of an acquirer's merchant, oldest first (at most `limit`). */
  findOrder(code: DynamicCodeRef, limit: number): Promise<BarcodePayment[]>;
  /**
   * Claims a dynamic code for a payment before its money moves: the first claim wins, and the
   * same payment claiming again is answered `claimed` (a retry).
   */
  claimDynamicCode(code: DynamicCodeRef, paymentId: string, at: number): Promise<DynamicCodeClaim>;
  /** Gives the code back when the payment claiming it was refused; only that payment's claim. */
  releaseDynamicCode(code: DynamicCodeRef, paymentId: string): Promise<void>;
}
