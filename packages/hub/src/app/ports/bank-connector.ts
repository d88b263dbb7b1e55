import type { BankFailureReason } from "../../domain/bank/bank-failure-reason.ts";
import type { BankRefusalCode } from "../../domain/bank/bank-refusal-code.ts";
import type { Currency } from "../../domain/money/currency.ts";
import type {
  CallNotSentCause,
  CallUnknownCause,
  ParticipantCallOptions,
  ParticipantCallResult,
} from "./participant-call.ts";

/**
 * The app's view of a bank: the calls of the bank interface, each to one endpoint of the bank,
 * each answering what became of it without ever guessing. Limits around the calls (a circuit
 * breaker, a concurrency cap) wrap a connector; the connector itself bounds each call by the
 * time it is given.
 */

/** Where a call goes: the endpoint the registry chose for the bank (an agreement pins one). */
export interface BankEndpointAddress {
  readonly bankId: string;
  readonly endpointId: string;
  /** The endpoint's base URL; each call's path is appended to it. */
  readonly url: string;
}

export type BankCallOptions = ParticipantCallOptions;

export interface SigningCustomer {
  readonly name: string;
  readonly accountNumber: string;
  readonly idNumber: string;
  readonly mobile: string;
}

export interface SigningRequest {
  /** The hub's id of the request: the idempotency key. */
  readonly requestId: string;
  readonly paymentInstitutionId: string;
  readonly customer: SigningCustomer;
}

export interface SigningRequested {
  /** The bank's id, which the confirmation quotes. */
  readonly signRequestId: string;
  readonly mobileMasked: string;
  readonly otpExpiresAtMs: number;
}

export interface SigningConfirmation {
  readonly signRequestId: string;
  readonly paymentInstitutionId: string;
  readonly otp: string;
}

export interface SigningConfirmed {
  readonly agreementNumber: string;
  readonly accountNumberMasked: string;
  readonly signedAtMs: number;
}

export interface UnsignRequest {
  readonly agreementNumber: string;
  readonly paymentInstitutionId: string;
}

export interface Unsigned {
  readonly agreementNumber: string;
  readonly unsignedAtMs: number;
}

/** An amount in integer minor units of its currency. */
export interface BankAmount {
  readonly amountMinor: bigint;
  readonly currency: Currency;
}

export interface DebitRequest extends BankAmount {
  /** The hub's id of the transaction: the bank's idempotency key. */
  readonly transactionId: string;
  readonly paymentInstitutionId: string;
  readonly agreementNumber: string;
  readonly description?: string | undefined;
}

export interface CreditRequest extends BankAmount {
  readonly transactionId: string;
  readonly paymentInstitutionId: string;
  readonly creditor: { readonly accountNumber: string; readonly name: string };
  readonly description?: string | undefined;
}

export interface RefundRequest extends BankAmount {
  readonly transactionId: string;
  readonly paymentInstitutionId: string;
  /** The debit refunded, by the hub's transaction id. */
  readonly originalTransactionId: string;
  readonly description?: string | undefined;
}

export interface InquiryRequest {
  readonly transactionId: string;
}

/** Where a transaction stands as the bank answered: succeeded and failed are final. */
export type TransactionOutcome =
  | {
      readonly status: "succeeded";
      readonly bankReference: string;
      readonly completedAtMs: number;
    }
  | { readonly status: "failed"; readonly reason: BankFailureReason; readonly reasonText: string }
  | { readonly status: "pending" };

/** Why the request surely never reached the bank: failing or retrying is safe. */
export type BankNotSentCause = CallNotSentCause;

/** Why the bank's answer, if any, cannot be known: it may have acted. */
export type BankUnknownCause = CallUnknownCause;

/** The bank refused (4xx, or 503 `bank_busy`), signed: it applied and recorded nothing. */
export interface BankRefused {
  readonly kind: "refused";
  readonly code: BankRefusalCode;
  readonly reason: string;
  readonly statusCode: number;
}

/** The bank answered (200), signed, in the interface's schema; or refused; or not at all. */
export type BankCallResult<Answer> = ParticipantCallResult<Answer, BankRefused>;

/**
 * Every way a call can end is a result: a call rejects only on a caller's bug (a timeout that
 * is not a positive number of milliseconds).
 */
export interface BankConnector {
  requestSigning(
    endpoint: BankEndpointAddress,
    request: SigningRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<SigningRequested>>;
  confirmSigning(
    endpoint: BankEndpointAddress,
    request: SigningConfirmation,
    options: BankCallOptions,
  ): Promise<BankCallResult<SigningConfirmed>>;
  unsign(
    endpoint: BankEndpointAddress,
    request: UnsignRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<Unsigned>>;
  debit(
    endpoint: BankEndpointAddress,
    request: DebitRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>>;
  credit(
    endpoint: BankEndpointAddress,
    request: CreditRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>>;
  refund(
    endpoint: BankEndpointAddress,
    request: RefundRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>>;
  inquire(
    endpoint: BankEndpointAddress,
    request: InquiryRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>>;
}
