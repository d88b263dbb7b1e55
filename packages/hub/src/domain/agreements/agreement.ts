/**
 * A quick-pay agreement: a customer's bank account (or card) bound to a payment institution,
 * signed with a one-time password the bank sends, after which the institution may debit the
 * account quoting the agreement. The hub keeps it pinned to the bank endpoint it was signed
 * through, so an endpoint migration decides where its later calls go.
 *
 * - `requested`: recorded; the bank's sign request was not answered yet (a retry asks again,
 *   under the same sign request id, which the bank answers the same);
 * - `otp_sent`: the bank sent the customer a password; confirming it signs the agreement;
 * - `active`: signed; the bank gave its agreement number;
 * - `failed`: the bank refused the signing (the reason says why); final;
 * - `unsigned`: ended, by the payment institution or by the bank; final.
 */
export type AgreementState = "requested" | "otp_sent" | "active" | "failed" | "unsigned";

export const agreementStates: readonly AgreementState[] = [
  "requested",
  "otp_sent",
  "active",
  "failed",
  "unsigned",
];

/** The identity documents a bank checks a signing against. */
export const idTypes = ["resident_id", "passport", "other"] as const;
export type IdType = (typeof idTypes)[number];

/** Who ended an agreement. */
export type UnsignedBy = "payment_institution" | "bank";

/**
 * What decides the agreement's risk level, and so its limits: how many factors authenticated
 * the customer when signing (the OTP counts as one), and whether a digital certificate did.
 */
export interface RiskInputs {
  readonly authenticationFactors: number;
  readonly digitalCertificate: boolean;
}

export const authenticationFactorsMax = 5;

/** The customer as the signing names them; numbers normalised, kept only sealed. */
export interface AgreementCustomer {
  readonly holderName: string;
  /** Exactly one of the two: a card is bound by its number as the bank's account. */
  readonly accountNumber?: string | undefined;
  readonly cardNumber?: string | undefined;
  readonly idType: IdType;
  readonly idNumber: string;
  readonly mobile: string;
}

export interface Agreement {
  readonly id: string;
  readonly paymentInstitutionId: string;
  readonly bankId: string;
  readonly state: AgreementState;
  /** The endpoint the signing went to; calls for the agreement route from it. */
  readonly pinnedEndpointId: string;
  /** The hub's id of the sign request: the bank's idempotency key, the same on every retry. */
  readonly signRequestId: string;
  /** The bank's id of its sign request, once it answered. */
  readonly bankSignRequestId: string | null;
  readonly risk: RiskInputs;
  /** SHA-256 of the canonical request without its customer (see agreement-input). */
  readonly requestHash: string;
  readonly sealedCustomer: string;
  /** The customer with every number masked, as answers show it. */
  readonly maskedCustomer: AgreementCustomer;
  readonly agreementNumber: string | null;
  readonly otpExpiresAt: number | null;
  readonly failureCode: string | null;
  readonly failureText: string | null;
  readonly unsignedBy: UnsignedBy | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly signedAt: number | null;
  readonly unsignedAt: number | null;
}
