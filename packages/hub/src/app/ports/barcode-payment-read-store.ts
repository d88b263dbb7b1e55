import type {
  BarcodeInstrument,
  BarcodePayment,
  BarcodePaymentState,
} from "../../domain/barcode/barcode-payment.ts";

/** The operator's filters over every barcode payment; each one given must match. */
export interface BarcodePaymentFilter {
  readonly issuerId?: string | undefined;
  readonly acquirerId?: string | undefined;
  readonly merchantId?: string | undefined;
  readonly state?: BarcodePaymentState | undefined;
  readonly instrument?: BarcodeInstrument | undefined;
}

/** Newest first: the position after which the next page starts. */
export interface BarcodePaymentCursor {
  readonly createdAt: number;
  readonly paymentId: string;
}

/** The operator's reads of every institution's barcode payments. */
export interface BarcodePaymentReadStore {
  /** Newest first, then by the hub's payment id, descending. */
  list(
    filter: BarcodePaymentFilter,
    limit: number,
    after?: BarcodePaymentCursor,
  ): Promise<BarcodePayment[]>;
  findByPaymentId(paymentId: string): Promise<BarcodePayment | undefined>;
}
