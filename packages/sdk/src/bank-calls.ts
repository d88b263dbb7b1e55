import type {
  Agreement,
  AgreementPage,
  AgreementQuery,
  BankOperation,
  NewAgreement,
  NewAgreementPayment,
  NewPayout,
  NewRefund,
} from "./api-types.ts";
import { ReconciliationCalls } from "./reconciliation-calls.ts";
import { type CallOptions, isReplayed } from "./signed-api-client.ts";

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

/** The calls about banks: quick-pay agreements, agreement payments, payouts and refunds. */
export class BankCalls extends ReconciliationCalls {
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
}
