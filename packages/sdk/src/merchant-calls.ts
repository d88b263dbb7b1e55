import type {
  BarcodeRefund,
  CodePrefix,
  Merchant,
  MerchantDirectoryEntry,
  MerchantFields,
  MerchantPage,
  MerchantQuery,
  NewBarcodeRefund,
} from "./api-types.ts";
import { BankCalls } from "./bank-calls.ts";
import { everyItem } from "./page-walk.ts";
import { type CallOptions, isReplayed } from "./signed-api-client.ts";

export interface BarcodeRefundResult {
  readonly refund: BarcodeRefund;
  /** The hub answered from an earlier request with the same id: nothing was refunded again. */
  readonly replayed: boolean;
}

export interface MerchantResult {
  readonly merchant: Merchant;
  /** True when this request registered the merchant (201); false when it was there already. */
  readonly created: boolean;
}

/** An acquirer's merchants, the directory payers look merchants up in, and the routing table. */
export class MerchantCalls extends BankCalls {
  /**
   * Registers one of your merchants, or sets its fields. Idempotent: sending the same fields
   * again changes nothing, so a retry is safe. A closed merchant throws `merchant_closed`; bad
   * fields throw `merchant_invalid`, whose `errors` name each field.
   */
  async putMerchant(
    merchantId: string,
    fields: MerchantFields,
    options: CallOptions = {},
  ): Promise<MerchantResult> {
    const answer = await this.call((fetch) =>
      this.api.PUT("/v1/merchants/{merchantId}", {
        params: { path: { merchantId } },
        body: fields,
        fetch,
        signal: options.signal,
      }),
    );
    return { merchant: answer.body, created: answer.response.status === 201 };
  }

  async getMerchant(merchantId: string, options: CallOptions = {}): Promise<Merchant> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/merchants/{merchantId}", {
        params: { path: { merchantId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** One page of your merchants, newest first. */
  async listMerchants(query: MerchantQuery = {}, options: CallOptions = {}): Promise<MerchantPage> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/merchants", { params: { query }, fetch, signal: options.signal }),
    );
    return answer.body;
  }

  /** Every one of your merchants, fetching page after page as it is read. */
  async *allMerchants(
    query: Omit<MerchantQuery, "cursor"> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Merchant, void, undefined> {
    yield* everyItem(
      query,
      (pageQuery) => this.listMerchants(pageQuery, options),
      (page) => page.merchants,
    );
  }

  /** Closes one of your merchants for good; closing it again answers it as it is. */
  async closeMerchant(merchantId: string, options: CallOptions = {}): Promise<Merchant> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/merchants/{merchantId}/close", {
        params: { path: { merchantId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** Any acquirer's merchant, before paying it: check `status` is `active`. */
  async lookUpMerchant(
    acquirerId: string,
    merchantId: string,
    options: CallOptions = {},
  ): Promise<MerchantDirectoryEntry> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/merchant-directory/{acquirerId}/{merchantId}", {
        params: { path: { acquirerId, merchantId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** The code-prefix routing table: which issuer each prefix of codes and card numbers goes to. */
  async codePrefixes(options: CallOptions = {}): Promise<CodePrefix[]> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/code-prefixes", { fetch, signal: options.signal }),
    );
    return answer.body.items;
  }

  /**
   * Refunds all or part of a barcode payment made to one of your merchants (you are its
   * acquirer). The refunds of a payment never pass its amount: one that would throws
   * `refund_exceeds_payment`. Idempotent by `refund.id`: a retry answers the same refund.
   */
  async refundBarcodePayment(
    paymentId: string,
    refund: NewBarcodeRefund,
    options: CallOptions = {},
  ): Promise<BarcodeRefundResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/barcode-payments/{paymentId}/refunds", {
        params: { path: { paymentId } },
        body: refund,
        fetch,
        signal: options.signal,
      }),
    );
    return { refund: answer.body, replayed: isReplayed(answer.response) };
  }

  /** A refund you asked as acquirer, or of a payment you issued, by the hub's refund id. */
  async getBarcodeRefund(refundId: string, options: CallOptions = {}): Promise<BarcodeRefund> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/barcode-refunds/{refundId}", {
        params: { path: { refundId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }
}
