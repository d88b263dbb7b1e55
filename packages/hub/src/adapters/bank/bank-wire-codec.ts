import type {
  interfaceIdLengthMax,
  SignConfirmationAnswer,
  SignRequestAnswer,
  TransactionAnswer,
  UnsignAnswer,
  BankFailureReason as WireBankFailureReason,
  BankRefusalCode as WireBankRefusalCode,
  SignConfirmation as WireConfirmation,
  CreditRequest as WireCredit,
  DebitRequest as WireDebit,
  InquiryRequest as WireInquiry,
  RefundRequest as WireRefund,
  SignRequest as WireSignRequest,
  UnsignRequest as WireUnsign,
} from "@clearhub/wire";
import type {
  BankAmount,
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
import type { BankFailureReason } from "../../domain/bank/bank-failure-reason.ts";
import type { BankRefusalCode } from "../../domain/bank/bank-refusal-code.ts";
import type { transferIdLengthMax } from "../../domain/ledger/transfer.ts";
import { formatAmount } from "../../domain/money/amount.ts";

/**
 * The app's requests as the bank interface writes them, and the bank's answers (already
 * checked against the interface's schemas) as the app reads them. A decoder answers undefined
 * for an answer that is well-formed but not about the request sent (another id echoed, a time
 * that does not parse): such an answer cannot be trusted as this request's.
 */

/**
 * The wire's vocabulary and the domain's are kept apart (the domain must not depend on a wire
 * format, nor the published contract on the hub's code), and this codec maps one onto the other
 * as it stands. So that they can never drift, these types only compile while the two sets of
 * refusal codes, the two sets of failure reasons and the two id bounds are the same: a code added
 * on one side alone breaks the build here, where the mapping would have to change.
 */
type Agree<A, B, Disagreement extends string> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : Disagreement
  : Disagreement;
const refusalCodesAgree: Agree<
  WireBankRefusalCode,
  BankRefusalCode,
  "the wire's bank refusal codes differ from the domain's"
> = true;
const failureReasonsAgree: Agree<
  WireBankFailureReason,
  BankFailureReason,
  "the wire's bank failure reasons differ from the domain's"
> = true;
const idBoundsAgree: Agree<
  typeof interfaceIdLengthMax,
  typeof transferIdLengthMax,
  "the wire's id length bound differs from the ledger's transfer id bound"
> = true;
void [refusalCodesAgree, failureReasonsAgree, idBoundsAgree];

function money(request: BankAmount): { amount: string; currency: string } {
  return {
    amount: formatAmount(request.amountMinor, request.currency),
    currency: request.currency.code,
  };
}

function optionalDescription(description: string | undefined): { description?: string } {
  return description === undefined ? {} : { description };
}

function timeMs(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export function encodeSigningRequest(request: SigningRequest): WireSignRequest {
  const { requestId, paymentInstitutionId, customer } = request;
  return { requestId, paymentInstitutionId, customer: { ...customer } };
}

export function decodeSigningRequested(
  answer: SignRequestAnswer,
  request: SigningRequest,
): SigningRequested | undefined {
  const otpExpiresAtMs = timeMs(answer.otpExpiresAt);
  if (answer.requestId !== request.requestId || otpExpiresAtMs === undefined) return undefined;
  return { signRequestId: answer.signRequestId, mobileMasked: answer.mobileMasked, otpExpiresAtMs };
}

export function encodeSigningConfirmation(request: SigningConfirmation): WireConfirmation {
  const { signRequestId, paymentInstitutionId, otp } = request;
  return { signRequestId, paymentInstitutionId, otp };
}

export function decodeSigningConfirmed(
  answer: SignConfirmationAnswer,
  request: SigningConfirmation,
): SigningConfirmed | undefined {
  const signedAtMs = timeMs(answer.signedAt);
  if (answer.signRequestId !== request.signRequestId || signedAtMs === undefined) return undefined;
  return {
    agreementNumber: answer.agreementNumber,
    accountNumberMasked: answer.accountNumberMasked,
    signedAtMs,
  };
}

export function encodeUnsign(request: UnsignRequest): WireUnsign {
  const { agreementNumber, paymentInstitutionId } = request;
  return { agreementNumber, paymentInstitutionId };
}

export function decodeUnsigned(answer: UnsignAnswer, request: UnsignRequest): Unsigned | undefined {
  const unsignedAtMs = timeMs(answer.unsignedAt);
  if (answer.agreementNumber !== request.agreementNumber || unsignedAtMs === undefined) {
    return undefined;
  }
  return { agreementNumber: answer.agreementNumber, unsignedAtMs };
}

export function encodeDebit(request: DebitRequest): WireDebit {
  const { transactionId, paymentInstitutionId, agreementNumber } = request;
  return {
    transactionId,
    paymentInstitutionId,
    agreementNumber,
    ...money(request),
    ...optionalDescription(request.description),
  };
}

export function encodeCredit(request: CreditRequest): WireCredit {
  const { transactionId, paymentInstitutionId, creditor } = request;
  return {
    transactionId,
    paymentInstitutionId,
    creditor: { accountNumber: creditor.accountNumber, name: creditor.name },
    ...money(request),
    ...optionalDescription(request.description),
  };
}

export function encodeRefund(request: RefundRequest): WireRefund {
  const { transactionId, paymentInstitutionId, originalTransactionId } = request;
  return {
    transactionId,
    paymentInstitutionId,
    originalTransactionId,
    ...money(request),
    ...optionalDescription(request.description),
  };
}

export function encodeInquiry(request: InquiryRequest): WireInquiry {
  return { transactionId: request.transactionId };
}

export function decodeTransactionOutcome(
  answer: TransactionAnswer,
  request: { readonly transactionId: string },
): TransactionOutcome | undefined {
  if (answer.transactionId !== request.transactionId) return undefined;
  switch (answer.status) {
    case "succeeded": {
      const completedAtMs = timeMs(answer.completedAt);
      if (completedAtMs === undefined) return undefined;
      return { status: "succeeded", bankReference: answer.bankReference, completedAtMs };
    }
    case "failed":
      return { status: "failed", reason: answer.reasonCode, reasonText: answer.reasonText };
    case "pending":
      return { status: "pending" };
  }
}
