import { randomUUID } from "node:crypto";
import type { BarcodePayment, NewCodePayment, NewQrPayment } from "./api-types.ts";
import { MerchantCalls } from "./merchant-calls.ts";
import { type CallOptions, isReplayed } from "./signed-api-client.ts";

export interface QrPaymentResult {
  readonly payment: BarcodePayment;
  /** The hub answered from an earlier request with the same id (`idempotent-replayed`). */
  readonly replayed: boolean;
}

/** A payment by its id, made fresh unless given, as `createTransfer` does. */
export type QrPaymentRequest = Omit<NewQrPayment, "id"> & { readonly id?: string | undefined };

/** The same for a consumer-presented payment, as the acquirer sends it. */
export type CodePaymentRequest = Omit<NewCodePayment, "id"> & { readonly id?: string | undefined };

/** Barcode payments: the payer's institution pays a scanned code; both sides read them. */
export class BarcodeCalls extends MerchantCalls {
  /**
   * Pays a merchant's QR code your customer scanned (merchant-presented mode): cleared at once
   * from your position to the acquirer's and answered `succeeded`. The id is set to a fresh UUID
   * unless given; sending the same request again answers the payment (`replayed`) and never
   * pays twice. A refused code throws its problem (`qr_crc_invalid`, `qr_code_used`,
   * `qr_code_expired`, `limit_exceeded`, ...).
   */
  async payQrCode(payment: QrPaymentRequest, options: CallOptions = {}): Promise<QrPaymentResult> {
    const body = { ...payment, id: payment.id ?? randomUUID() };
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/qr-payments", { body, fetch, signal: options.signal }),
    );
    return { payment: answer.body, replayed: isReplayed(answer.response) };
  }

  /**
   * Takes a payment by the customer's one-time payment code or prepaid card your terminal read
   * (consumer-presented mode): routed by its prefix to the issuer, which authorises it. The
   * answer is the payment as the issuer's answer left it: `succeeded`, `declined`, `pending`
   * (the customer confirms in the app) or `unknown` (the hub asks the issuer until it knows).
   * The id is a fresh UUID unless given; sending the same request again never pays twice.
   */
  async payCode(payment: CodePaymentRequest, options: CallOptions = {}): Promise<QrPaymentResult> {
    const body = { ...payment, id: payment.id ?? randomUUID() };
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/code-payments", { body, fetch, signal: options.signal }),
    );
    return { payment: answer.body, replayed: isReplayed(answer.response) };
  }

  /**
   * Gives up a code payment whose outcome your terminal never learnt (by your `id` of it): no
   * money moves to you and the issuer is told to reverse it; answers the payment as it stands.
   */
  async reverseCodePayment(id: string, options: CallOptions = {}): Promise<BarcodePayment> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/code-payments/{id}/reversal", {
        params: { path: { id } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** A barcode payment you are party to, as issuer or acquirer, by the hub's `paymentId`. */
  async barcodePayment(paymentId: string, options: CallOptions = {}): Promise<BarcodePayment> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/barcode-payments/{paymentId}", {
        params: { path: { paymentId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /**
   * The acquirer's order lookup: what was paid for one of your merchants' orders (the reference
   * its dynamic code carried), oldest first. Empty: not paid (yet).
   */
  async orderPayments(
    merchantId: string,
    orderReference: string,
    options: CallOptions = {},
  ): Promise<BarcodePayment[]> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/merchants/{merchantId}/orders/{orderReference}/payments", {
        params: { path: { merchantId, orderReference } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body.items;
  }
}
