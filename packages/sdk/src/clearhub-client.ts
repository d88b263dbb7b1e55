import type {
  Biller,
  BillerPage,
  BillerQuery,
  BillInquiry,
  BillPayment,
  BillSubscription,
  BillSubscriptionPage,
  BillSubscriptionQuery,
  NewBillInquiry,
  NewBillPayment,
  NewBillSubscription,
} from "./api-types.ts";
import { BarcodeCalls } from "./barcode-calls.ts";
import { everyItem } from "./page-walk.ts";
import { type CallOptions, isReplayed } from "./signed-api-client.ts";

export interface BillPaymentResult {
  readonly payment: BillPayment;
  /** The hub answered from an earlier request with the same id (`idempotent-replayed`). */
  readonly replayed: boolean;
}
export interface BillSubscriptionResult {
  readonly subscription: BillSubscription;
  /** The channel already held this subscription (`idempotent-replayed`). */
  readonly replayed: boolean;
}

/**
 * The participant API of a clearhub, typed from the hub's OpenAPI document. Every request is
 * signed with the participant's Ed25519 key (RFC 9421), every new transfer gets an id unless
 * it has one, and transient failures are retried with the same id, so a repeat is answered as
 * a replay and nothing is applied twice. A refusal throws ClearhubProblemError; no answer at
 * all, ClearhubNetworkError.
 */
export class ClearhubClient extends BarcodeCalls {
  /**
   * One page of the biller catalogue, least recently changed first. To sync, keep the largest
   * `updatedAt` read and pass it as `updatedSince` next time: a biller whose profile or status
   * changed comes again (a suspended one with its status, so it can be greyed out).
   */
  async listBillers(query: BillerQuery = {}, options: CallOptions = {}): Promise<BillerPage> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/billers", { params: { query }, fetch, signal: options.signal }),
    );
    return answer.body;
  }

  /** Every biller matching `query`, in sync order, fetching page after page as it is read. */
  async *allBillers(
    query: Omit<BillerQuery, "cursor"> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Biller, void, undefined> {
    yield* everyItem(
      query,
      (pageQuery) => this.listBillers(pageQuery, options),
      (page) => page.billers,
    );
  }

  /**
   * Pays a customer's bill: cleared at once and answered `accepted`; the hub posts it to the
   * biller and sends `bill_payment.posted` (with the receipt), `bill_payment.rejected` or
   * `bill_payment.reversed` (the money cleared back) or `bill_payment.posting_failed`. Sending
   * the same request again never pays twice.
   */
  async payBill(payment: NewBillPayment, options: CallOptions = {}): Promise<BillPaymentResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/bill-payments", { body: payment, fetch, signal: options.signal }),
    );
    return { payment: answer.body, replayed: isReplayed(answer.response) };
  }

  async getBillPayment(paymentId: string, options: CallOptions = {}): Promise<BillPayment> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/bill-payments/{paymentId}", {
        params: { path: { paymentId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  async getBiller(billerId: string, options: CallOptions = {}): Promise<Biller> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/billers/{billerId}", {
        params: { path: { billerId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /**
   * Asks the biller, through the hub, for the customer's bills due; each comes with the
   * `billRef` to pay it by. Ask `scheduled` when your system checks on its own (a reminder):
   * the hub then answers from its cache when it can, and otherwise only from the biller's spare
   * capacity, so expect a `ClearhubProblemError` with `biller_capacity_exceeded` or
   * `channel_quota_exceeded` (ask again after the answer's Retry-After). An inquiry moves no
   * money: asking again is always safe.
   */
  async inquireBills(inquiry: NewBillInquiry, options: CallOptions = {}): Promise<BillInquiry> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/bill-inquiries", { body: inquiry, fetch, signal: options.signal }),
    );
    return answer.body;
  }

  /**
   * Subscribes a customer at a biller: the hub sends `bill.presented` when the biller pushes
   * the customer's new or changed bills, so no inquiry is needed. The same biller and
   * parameters again answer the subscription already held (`replayed`), so a retry is safe.
   */
  async subscribeBill(
    subscription: NewBillSubscription,
    options: CallOptions = {},
  ): Promise<BillSubscriptionResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/bill-subscriptions", {
        body: subscription,
        fetch,
        signal: options.signal,
      }),
    );
    return { subscription: answer.body, replayed: isReplayed(answer.response) };
  }

  /** One page of the channel's bill subscriptions, newest first, one biller's if asked. */
  async listBillSubscriptions(
    query: BillSubscriptionQuery = {},
    options: CallOptions = {},
  ): Promise<BillSubscriptionPage> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/bill-subscriptions", { params: { query }, fetch, signal: options.signal }),
    );
    return answer.body;
  }

  /** Stops the customer's `bill.presented` events; an unknown id throws `bill_subscription_not_found`. */
  async unsubscribeBill(subscriptionId: string, options: CallOptions = {}): Promise<void> {
    await this.call((fetch) =>
      this.api.DELETE("/v1/bill-subscriptions/{subscriptionId}", {
        params: { path: { subscriptionId } },
        fetch,
        signal: options.signal,
      }),
    );
  }
}
