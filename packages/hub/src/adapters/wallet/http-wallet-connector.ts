import {
  hubToWalletSignedComponents,
  registerStringFormats,
  type WalletOperation,
  WalletRefusal,
  walletOperations,
} from "@clearhub/wire";
import type { Static, TSchema } from "@sinclair/typebox";
import type {
  ParticipantCallOptions,
  ParticipantEndpointAddress,
} from "../../app/ports/participant-call.ts";
import type {
  CodePaymentCall,
  CodePaymentOutcome,
  WalletCallResult,
  WalletConnector,
  WalletRefundCall,
  WalletRefundOutcome,
  WalletRefused,
} from "../../app/ports/wallet-connector.ts";
import { formatAmount } from "../../domain/money/amount.ts";
import type { Currency } from "../../domain/money/currency.ts";
import {
  type InterfaceProfile,
  matchesSchema,
  type SignedHttpCaller,
} from "../participant-call/signed-http-caller.ts";
import {
  decodeCodePaymentOutcome,
  decodeWalletRefundOutcome,
  encodeCodePayment,
  encodeWalletRefund,
} from "./wallet-wire-codec.ts";

/**
 * The wallet interface's terms for the signed caller: a 4xx, or a 503 saying `wallet_busy`, is
 * the issuer's signed refusal; any other 5xx decides nothing.
 */
export const walletInterfaceProfile: InterfaceProfile<WalletRefused> = {
  requestSignedComponents: hubToWalletSignedComponents,
  userAgent: "clearhub-wallet-connector/1",
  isRefusalStatus: (statusCode) => (statusCode >= 400 && statusCode <= 499) || statusCode === 503,
  decodeRefusal(body, statusCode) {
    if (!matchesSchema(WalletRefusal, body)) return undefined;
    if ((body.code === "wallet_busy") !== (statusCode === 503)) return undefined;
    return { kind: "refused", code: body.code, reason: body.reason, statusCode };
  },
};

/**
 * The wallet interface over the hub's signed HTTP caller, as the bank and biller connectors
 * are theirs: each call a POST to the endpoint's URL and the operation's path, its answer
 * checked against the operation's schema and required to be about the request sent.
 */
export class HttpWalletConnector implements WalletConnector {
  constructor(private readonly caller: SignedHttpCaller) {
    registerStringFormats();
  }

  authorize(
    endpoint: ParticipantEndpointAddress,
    payment: CodePaymentCall,
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<CodePaymentOutcome>> {
    return this.call(
      endpoint,
      walletOperations.authorizeCodePayment,
      encodeCodePayment(payment),
      options,
      (answer) => decodeCodePaymentOutcome(answer, payment.paymentId),
    );
  }

  inquire(
    endpoint: ParticipantEndpointAddress,
    paymentId: string,
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<CodePaymentOutcome>> {
    return this.call(
      endpoint,
      walletOperations.inquireCodePayment,
      { paymentId },
      options,
      (answer) => decodeCodePaymentOutcome(answer, paymentId),
    );
  }

  reverse(
    endpoint: ParticipantEndpointAddress,
    reversal: {
      readonly paymentId: string;
      readonly amountMinor: bigint;
      readonly currency: Currency;
    },
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<CodePaymentOutcome>> {
    const body = {
      paymentId: reversal.paymentId,
      amount: formatAmount(reversal.amountMinor, reversal.currency),
      currency: reversal.currency.code,
    };
    return this.call(endpoint, walletOperations.reverseCodePayment, body, options, (answer) =>
      decodeCodePaymentOutcome(answer, reversal.paymentId),
    );
  }

  refund(
    endpoint: ParticipantEndpointAddress,
    refund: WalletRefundCall,
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<WalletRefundOutcome>> {
    return this.call(
      endpoint,
      walletOperations.refund,
      encodeWalletRefund(refund),
      options,
      (answer) => decodeWalletRefundOutcome(answer, refund.refundId),
    );
  }

  inquireRefund(
    endpoint: ParticipantEndpointAddress,
    refundId: string,
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<WalletRefundOutcome>> {
    return this.call(endpoint, walletOperations.inquireRefund, { refundId }, options, (answer) =>
      decodeWalletRefundOutcome(answer, refundId),
    );
  }

  private call<Request extends TSchema, Answer extends TSchema, Result>(
    endpoint: ParticipantEndpointAddress,
    operation: WalletOperation<Request, Answer>,
    body: Static<Request>,
    options: ParticipantCallOptions,
    decode: (answer: Static<Answer>) => Result | undefined,
  ): Promise<WalletCallResult<Result>> {
    return this.caller.post(
      walletInterfaceProfile,
      { endpoint, path: operation.path, body, answer: operation.answer, decode },
      options,
    );
  }
}
