import { type BarcodePayment, clearingTransferOf } from "../../domain/barcode/barcode-payment.ts";
import type { BankCallRecord } from "../ports/bank-call-log.ts";
import type {
  BarcodePaymentCursor,
  BarcodePaymentFilter,
  BarcodePaymentReadStore,
} from "../ports/barcode-payment-read-store.ts";
import type { TraceReadStore } from "../ports/trace-read-store.ts";
import type { TransferRecord, TransferSearchStore } from "../ports/transfer-search-store.ts";

export type { BankCallRecord } from "../ports/bank-call-log.ts";
/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export type {
  BarcodePaymentCursor,
  BarcodePaymentFilter,
} from "../ports/barcode-payment-read-store.ts";

export const barcodePaymentPageSizeMax = 500;

/** One barcode payment and what it left behind: the calls to its issuer and its ledger transfers. */
export interface BarcodePaymentTrace {
  readonly payment: BarcodePayment;
  /** The calls to the issuer's wallet interface under the payment's id, in the order made. */
  readonly calls: readonly BankCallRecord[];
  /** The clearing transfer (issuer → acquirer), once the payment cleared. */
  readonly transfers: readonly TransferRecord[];
}

/**
 * The operator's view of every institution's barcode payments: a filtered list, newest first,
 * and one payment with its trace. Numbers presented stay masked: the sealed one is never read
 * out here.
 */
export class BarcodePaymentOversight {
  constructor(
    private readonly reads: BarcodePaymentReadStore,
    private readonly traces: Pick<TraceReadStore, "listBankCalls">,
    private readonly transfers: Pick<TransferSearchStore, "find">,
  ) {}

  list(
    filter: BarcodePaymentFilter,
    limit: number,
    after?: BarcodePaymentCursor,
  ): Promise<BarcodePayment[]> {
    const size = Math.min(Math.max(limit, 1), barcodePaymentPageSizeMax);
    return this.reads.list(filter, size, after);
  }

  async trace(paymentId: string): Promise<BarcodePaymentTrace | undefined> {
    const payment = await this.reads.findByPaymentId(paymentId);
    if (payment === undefined) return undefined;
    const clearing = await this.transfers.find(clearingTransferOf(payment));
    return {
      payment,
      calls: await this.traces.listBankCalls(payment.paymentId),
      transfers: clearing === undefined ? [] : [clearing],
    };
  }
}
