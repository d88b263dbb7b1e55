import {
  type BankOperation,
  BankRefusal,
  bankOperations,
  hubRequestSignedComponents,
  registerStringFormats,
} from "@clearhub/wire";
import type { Static, TSchema } from "@sinclair/typebox";
import type {
  BankCallOptions,
  BankCallResult,
  BankConnector,
  BankEndpointAddress,
  BankRefused,
  CreditRequest,
  DebitRequest,
  InquiryRequest,
  RefundRequest,
  SigningConfirmation,
  SigningConfirmed,
  SigningRequest,
  SigningRequested,
  TransactionOutcome,
  Unsigned,
  UnsignRequest,
} from "../../app/ports/bank-connector.ts";
import {
  type InterfaceProfile,
  matchesSchema,
  type SignedHttpCaller,
} from "../participant-call/signed-http-caller.ts";
import {
  decodeSigningConfirmed,
  decodeSigningRequested,
  decodeTransactionOutcome,
  decodeUnsigned,
  encodeCredit,
  encodeDebit,
  encodeInquiry,
  encodeRefund,
  encodeSigningConfirmation,
  encodeSigningRequest,
  encodeUnsign,
} from "./bank-wire-codec.ts";

/**
 * The bank interface's terms for the signed caller: a 4xx, or a 503 saying `bank_busy`, is the
 * bank's signed refusal; any other 5xx decides nothing.
 */
export const bankInterfaceProfile: InterfaceProfile<BankRefused> = {
  requestSignedComponents: hubRequestSignedComponents,
  userAgent: "clearhub-bank-connector/1",
  isRefusalStatus: (statusCode) => (statusCode >= 400 && statusCode <= 499) || statusCode === 503,
  decodeRefusal(body, statusCode) {
    if (!matchesSchema(BankRefusal, body)) return undefined;
    if ((body.code === "bank_busy") !== (statusCode === 503)) return undefined;
    return { kind: "refused", code: body.code, reason: body.reason, statusCode };
  },
};

/**
 * The bank interface over the hub's signed HTTP caller: each call is a POST to the endpoint's
 * URL and the operation's path, its answer checked against the operation's schema and required
 * to echo the request's ids (see bank-wire-codec.ts). Signing, the answer's signature by the
 * bank's own key, the size bound and the "did it leave?" classification are the caller's.
 */
export class HttpBankConnector implements BankConnector {
  constructor(private readonly caller: SignedHttpCaller) {
    registerStringFormats();
  }

  requestSigning(
    endpoint: BankEndpointAddress,
    request: SigningRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<SigningRequested>> {
    return this.call(
      endpoint,
      bankOperations.requestSigning,
      encodeSigningRequest(request),
      options,
      (answer) => decodeSigningRequested(answer, request),
    );
  }

  confirmSigning(
    endpoint: BankEndpointAddress,
    request: SigningConfirmation,
    options: BankCallOptions,
  ): Promise<BankCallResult<SigningConfirmed>> {
    return this.call(
      endpoint,
      bankOperations.confirmSigning,
      encodeSigningConfirmation(request),
      options,
      (answer) => decodeSigningConfirmed(answer, request),
    );
  }

  unsign(
    endpoint: BankEndpointAddress,
    request: UnsignRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<Unsigned>> {
    return this.call(endpoint, bankOperations.unsign, encodeUnsign(request), options, (answer) =>
      decodeUnsigned(answer, request),
    );
  }

  debit(
    endpoint: BankEndpointAddress,
    request: DebitRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>> {
    return this.call(endpoint, bankOperations.debit, encodeDebit(request), options, (answer) =>
      decodeTransactionOutcome(answer, request),
    );
  }

  credit(
    endpoint: BankEndpointAddress,
    request: CreditRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>> {
    return this.call(endpoint, bankOperations.credit, encodeCredit(request), options, (answer) =>
      decodeTransactionOutcome(answer, request),
    );
  }

  refund(
    endpoint: BankEndpointAddress,
    request: RefundRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>> {
    return this.call(endpoint, bankOperations.refund, encodeRefund(request), options, (answer) =>
      decodeTransactionOutcome(answer, request),
    );
  }

  inquire(
    endpoint: BankEndpointAddress,
    request: InquiryRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>> {
    return this.call(endpoint, bankOperations.inquire, encodeInquiry(request), options, (answer) =>
      decodeTransactionOutcome(answer, request),
    );
  }

  private call<Request extends TSchema, Answer extends TSchema, Result>(
    endpoint: BankEndpointAddress,
    operation: BankOperation<Request, Answer>,
    body: Static<Request>,
    options: BankCallOptions,
    decode: (answer: Static<Answer>) => Result | undefined,
  ): Promise<BankCallResult<Result>> {
    const address = {
      ownerId: endpoint.bankId,
      endpointId: endpoint.endpointId,
      url: endpoint.url,
    };
    return this.caller.post(
      bankInterfaceProfile,
      { endpoint: address, path: operation.path, body, answer: operation.answer, decode },
      options,
    );
  }
}
