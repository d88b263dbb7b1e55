import { randomUUID } from "node:crypto";
import createClient, { type Client } from "openapi-fetch";
import type {
  Account,
  Agreement,
  AgreementPage,
  AgreementQuery,
  BankOperation,
  Biller,
  BillerPage,
  BillerQuery,
  BillInquiry,
  BillPayment,
  BillSubscription,
  BillSubscriptionPage,
  BillSubscriptionQuery,
  BulkTransferResult,
  NewAgreement,
  NewAgreementPayment,
  NewBillInquiry,
  NewBillPayment,
  NewBillSubscription,
  NewPayout,
  NewRefund,
  NewWebhookEndpoint,
  Transfer,
  TransferPage,
  TransferQuery,
  TransferRequest,
  WebhookEndpoint,
} from "./api-types.ts";
import type { paths } from "./generated/openapi-types.ts";
import { type PrivateKeyInput, readPrivateKey } from "./private-key.ts";
import { ClearhubProblemError, problemOf } from "./problem-error.ts";
import { assertRetryPolicy, type RetryPolicy, retryPolicyDefaults } from "./retry-policy.ts";
import {
  type ExchangeRecord,
  type FetchFunction,
  newExchangeRecord,
  SignedTransport,
} from "./signed-transport.ts";

export interface ClearhubClientOptions {
  /** The hub's address, e.g. `https://hub.example`; the `/v1` routes are under it. */
  readonly baseUrl: string;
  /** The key id the operator's hub issued when it registered the participant's public key. */
  readonly keyId: string;
  readonly privateKey: PrivateKeyInput;
  readonly retry?: Partial<RetryPolicy>;
  /** One attempt, from sending to the last byte of the answer; 10 s unless given. */
  readonly attemptTimeoutMs?: number;
  /**
   * The fetch to send with; Node's own unless given. To tune connections, pass undici's
   * `fetch` bound to an Agent: `(url, init) => fetch(url, { ...init, dispatcher: agent })`.
   */
  readonly fetch?: FetchFunction;
}

export interface CallOptions {
  /** Aborts the call, including any wait between attempts; the call rejects with its reason. */
  readonly signal?: AbortSignal;
}

export interface TransferResult {
  readonly transfer: Transfer;
  /** The hub answered from an earlier request with the same id (`idempotent-replayed`). */
  readonly replayed: boolean;
}
export interface AgreementResult {
  readonly agreement: Agreement;
  /** The hub answered from an earlier request with the same id (`idempotent-replayed`). */
  readonly replayed: boolean;
}
export interface BankOperationResult {
  readonly operation: BankOperation;
  /** The hub answered from an earlier request with the same id (`idempotent-replayed`). */
  readonly replayed: boolean;
}
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
export interface WebhookEndpointResult {
  readonly endpoint: WebhookEndpoint;
  /** The same registration was already stored (`idempotent-replayed`). */
  readonly replayed: boolean;
}

const attemptTimeoutMsDefault = 10_000;
const attemptTimeoutMsMax = 10 * 60 * 1000;
const replayedHeader = "idempotent-replayed";
const userAgent = "clearhub-sdk/0.1";

interface Answer<Body> {
  readonly data?: Body;
  readonly error?: unknown;
  readonly response: Response;
}

function assertAttemptTimeout(timeoutMs: number): void {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > attemptTimeoutMsMax) {
    throw new RangeError(`attemptTimeoutMs must be above 0 and at most ${attemptTimeoutMsMax}`);
  }
}

/**
 * The participant API of a clearhub, typed from the hub's OpenAPI document. Every request is
 * signed with the participant's Ed25519 key (RFC 9421), every new transfer gets an id unless
 * it has one, and transient failures are retried with the same id, so a repeat is answered as
 * a replay and nothing is applied twice. A refusal throws ClearhubProblemError; no answer at
 * all, ClearhubNetworkError.
 */
export class ClearhubClient {
  private readonly api: Client<paths>;
  private readonly transport: SignedTransport;

  constructor(options: ClearhubClientOptions) {
    const retry = { ...retryPolicyDefaults, ...options.retry };
    assertRetryPolicy(retry);
    const attemptTimeoutMs = options.attemptTimeoutMs ?? attemptTimeoutMsDefault;
    assertAttemptTimeout(attemptTimeoutMs);
    this.transport = new SignedTransport({
      keyId: options.keyId,
      privateKey: readPrivateKey(options.privateKey),
      retry,
      attemptTimeoutMs,
      fetch: options.fetch ?? fetch,
    });
    this.api = createClient<paths>({
      baseUrl: new URL(options.baseUrl).href,
      headers: { "user-agent": userAgent },
    });
  }

  /** A signed request that does nothing: proves the key, the clock and the connection. */
  async ping(options: CallOptions = {}): Promise<void> {
    await this.call((fetch) =>
      this.api.POST("/v1/ping", { body: undefined, fetch, signal: options.signal }),
    );
  }

  /** The participant's own accounts and balances. */
  async accounts(options: CallOptions = {}): Promise<Account[]> {
    const { body } = await this.call((fetch) =>
      this.api.GET("/v1/accounts", { fetch, signal: options.signal }),
    );
    return body.accounts;
  }

  /**
   * Pays another participant, or with `reserveForMs` reserves the amount. The id is set to a
   * fresh UUID unless given; keep it to ask about the transfer or to send it again safely.
   */
  async createTransfer(
    transfer: TransferRequest,
    options: CallOptions = {},
  ): Promise<TransferResult> {
    const body = { ...transfer, id: transfer.id ?? randomUUID() };
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/transfers", { body, fetch, signal: options.signal }),
    );
    return { transfer: answer.body, replayed: isReplayed(answer.response) };
  }

  /**
   * Up to the hub's bulk limit of transfers in one request, each with an id set as in
   * createTransfer. Each is applied on its own: the results say, in order, what each would
   * have answered alone; one refused transfer does not stop the others or throw.
   */
  async createTransfers(
    transfers: readonly TransferRequest[],
    options: CallOptions = {},
  ): Promise<BulkTransferResult[]> {
    const body = { transfers: transfers.map((item) => ({ ...item, id: item.id ?? randomUUID() })) };
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/transfers/bulk", { body, fetch, signal: options.signal }),
    );
    return answer.body.results;
  }

  async getTransfer(transferId: string, options: CallOptions = {}): Promise<Transfer> {
    const path = { transferId };
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/transfers/{transferId}", {
        params: { path },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** One page of the transfers the participant is party to, newest first. */
  async listTransfers(query: TransferQuery = {}, options: CallOptions = {}): Promise<TransferPage> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/transfers", { params: { query }, fetch, signal: options.signal }),
    );
    return answer.body;
  }

  /** Every transfer matching `query`, newest first, fetching page after page as it is read. */
  async *allTransfers(
    query: Omit<TransferQuery, "cursor"> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Transfer, void, undefined> {
    let cursor: string | undefined;
    for (;;) {
      const page = await this.listTransfers(
        cursor === undefined ? query : { ...query, cursor },
        options,
      );
      yield* page.transfers;
      if (page.next === null) return;
      // The cursor moves strictly on; the same one twice would page for ever.
      if (page.next === cursor) throw new Error("the hub answered the same cursor twice");
      cursor = page.next;
    }
  }

  /** Moves a reservation's amount to the payee; asking again answers the same, replayed. */
  commitTransfer(transferId: string, options: CallOptions = {}): Promise<TransferResult> {
    return this.resolve("/v1/transfers/{transferId}/commit", transferId, options);
  }

  /** Returns a reservation's amount to the payer; asking again answers the same, replayed. */
  voidTransfer(transferId: string, options: CallOptions = {}): Promise<TransferResult> {
    return this.resolve("/v1/transfers/{transferId}/void", transferId, options);
  }

  /** Has events of the given types sent to `url`; the same registration again is a replay. */
  async registerWebhookEndpoint(
    endpoint: NewWebhookEndpoint,
    options: CallOptions = {},
  ): Promise<WebhookEndpointResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/webhook-endpoints", { body: endpoint, fetch, signal: options.signal }),
    );
    return { endpoint: answer.body, replayed: isReplayed(answer.response) };
  }

  async listWebhookEndpoints(options: CallOptions = {}): Promise<WebhookEndpoint[]> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/webhook-endpoints", { fetch, signal: options.signal }),
    );
    return answer.body.endpoints;
  }

  async getWebhookEndpoint(
    endpointId: string,
    options: CallOptions = {},
  ): Promise<WebhookEndpoint> {
    const path = { endpointId };
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/webhook-endpoints/{endpointId}", {
        params: { path },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /**
   * Stops sending events to an endpoint. The hub answers a second delete with 404, so when an
   * earlier attempt of this call may have deleted it before its answer was lost, a 404 on
   * the retry means the call succeeded.
   */
  async deleteWebhookEndpoint(endpointId: string, options: CallOptions = {}): Promise<void> {
    const record = newExchangeRecord();
    const path = { endpointId };
    try {
      await this.call(
        (fetch) =>
          this.api.DELETE("/v1/webhook-endpoints/{endpointId}", {
            params: { path },
            fetch,
            signal: options.signal,
          }),
        record,
      );
    } catch (error) {
      const goneAlready = error instanceof ClearhubProblemError && error.status === 404;
      if (!(goneAlready && record.earlierAttemptMayHaveApplied)) throw error;
    }
  }

  /**
   * Asks the customer's bank to sign a quick-pay agreement; the bank texts the customer a
   * one-time password (`otp_sent`). Sending the same request again is safe: an agreement still
   * `requested` (the bank's answer was lost) asks the bank again under the same sign request.
   */
  async createAgreement(
    agreement: NewAgreement,
    options: CallOptions = {},
  ): Promise<AgreementResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/agreements", { body: agreement, fetch, signal: options.signal }),
    );
    return { agreement: answer.body, replayed: isReplayed(answer.response) };
  }

  /** Signs the agreement with the customer's password: `active`, or `failed` with the reason. */
  async confirmAgreement(
    agreementId: string,
    otp: string,
    options: CallOptions = {},
  ): Promise<Agreement> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/agreements/{agreementId}/confirm", {
        params: { path: { agreementId } },
        body: { otp },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** Ends an active agreement at the bank; ending an ended one answers it again. */
  async unsignAgreement(agreementId: string, options: CallOptions = {}): Promise<Agreement> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/agreements/{agreementId}/unsign", {
        params: { path: { agreementId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  async getAgreement(agreementId: string, options: CallOptions = {}): Promise<Agreement> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/agreements/{agreementId}", {
        params: { path: { agreementId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** One page of the institution's agreements, newest first. */
  async listAgreements(
    query: AgreementQuery = {},
    options: CallOptions = {},
  ): Promise<AgreementPage> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/agreements", { params: { query }, fetch, signal: options.signal }),
    );
    return answer.body;
  }

  /**
   * Debits the customer's account through an active agreement. `unknown` and `pending` are not
   * failures: the hub settles them with the bank and sends `payment.succeeded` or
   * `payment.failed`. Sending the same request again never debits twice.
   */
  async createAgreementPayment(
    payment: NewAgreementPayment,
    options: CallOptions = {},
  ): Promise<BankOperationResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/agreement-payments", { body: payment, fetch, signal: options.signal }),
    );
    return { operation: answer.body, replayed: isReplayed(answer.response) };
  }

  async getAgreementPayment(paymentId: string, options: CallOptions = {}): Promise<BankOperation> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/agreement-payments/{paymentId}", {
        params: { path: { paymentId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /**
   * Pays a customer's account from the institution's position (bounded by its net debit cap).
   * Settles like a payment: `unknown` and `pending` end in `payout.succeeded` or `payout.failed`.
   */
  async createPayout(payout: NewPayout, options: CallOptions = {}): Promise<BankOperationResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/payouts", { body: payout, fetch, signal: options.signal }),
    );
    return { operation: answer.body, replayed: isReplayed(answer.response) };
  }

  async getPayout(payoutId: string, options: CallOptions = {}): Promise<BankOperation> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/payouts/{operationId}", {
        params: { path: { operationId: payoutId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** Refunds part or all of a succeeded agreement payment; refunds never pass its amount. */
  async createRefund(refund: NewRefund, options: CallOptions = {}): Promise<BankOperationResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/refunds", { body: refund, fetch, signal: options.signal }),
    );
    return { operation: answer.body, replayed: isReplayed(answer.response) };
  }

  async getRefund(refundId: string, options: CallOptions = {}): Promise<BankOperation> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/refunds/{operationId}", {
        params: { path: { operationId: refundId } },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

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
    let cursor: string | undefined;
    for (;;) {
      const page = await this.listBillers(
        cursor === undefined ? query : { ...query, cursor },
        options,
      );
      yield* page.billers;
      if (page.next === null) return;
      // The cursor moves strictly on; the same one twice would page for ever.
      if (page.next === cursor) throw new Error("the hub answered the same cursor twice");
      cursor = page.next;
    }
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

  private async resolve(
    route: "/v1/transfers/{transferId}/commit" | "/v1/transfers/{transferId}/void",
    transferId: string,
    options: CallOptions,
  ): Promise<TransferResult> {
    const path = { transferId };
    const answer = await this.call((fetch) =>
      this.api.POST(route, { params: { path }, fetch, signal: options.signal }),
    );
    return { transfer: answer.body, replayed: isReplayed(answer.response) };
  }

  /**
   * Sends one call through its own signing, retrying fetch; answers the 2xx body, or throws
   * the answer's problem. `record` tells the caller what the attempts went through.
   */
  private async call<Body>(
    send: (fetch: (request: Request) => Promise<Response>) => Promise<Answer<Body>>,
    record: ExchangeRecord = newExchangeRecord(),
  ): Promise<{ body: Body; response: Response }> {
    const { data, error, response } = await send(this.transport.fetchFor(record));
    if (!response.ok) {
      throw new ClearhubProblemError(problemOf(response, error), {
        requestId: response.headers.get("x-request-id") ?? undefined,
        attempts: record.attempts,
      });
    }
    return { body: data as Body, response };
  }
}

function isReplayed(response: Response): boolean {
  return response.headers.get(replayedHeader) === "true";
}
