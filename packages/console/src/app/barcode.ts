/** Barcode payments' closed sets and shapes, as the operator API answers them. */
export const barcodeInstruments = [
  "static_qr",
  "dynamic_qr",
  "payment_code",
  "prepaid_card",
] as const;
export const barcodePaymentStates = [
  "authorising",
  "unknown",
  "pending",
  "succeeded",
  "declined",
  "reversed",
] as const;
/** The instruments a code prefix routes: the consumer-presented ones. */
export const codeInstruments = ["payment_code", "prepaid_card"] as const;
export const riskLevels = ["A", "B", "C", "D"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** What each level means, as the PBOC's barcode rules grade a customer's verification. */
export const riskLevelNotes: Readonly<Record<RiskLevel, string>> = {
  A: "two or more factors, one a digital certificate or electronic signature",
  B: "two or more factors",
  C: "fewer than two factors",
  D: "any static code",
};

export const instrumentWords: Readonly<Record<string, string>> = {
  static_qr: "static QR",
  dynamic_qr: "dynamic QR",
  payment_code: "payment code",
  prepaid_card: "prepaid card",
};

export function instrumentText(instrument: string): string {
  return instrumentWords[instrument] ?? instrument;
}

export interface BarcodePayment {
  readonly paymentId: string;
  readonly id: string | null;
  readonly initiatorId: string;
  readonly instrument: string;
  readonly issuerId: string;
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly orderReference: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly refunded: string;
  /** The only form of a presented code or card number the console ever shows. */
  readonly maskedNumber: string | null;
  readonly verificationLevel: string | null;
  readonly state: string;
  readonly authorizationCode: string | null;
  readonly failure: { readonly code: string; readonly reason: string } | null;
  readonly createdAt: string;
  readonly settledAt: string | null;
}

export interface ParticipantCall {
  readonly at: string;
  readonly participantId: string;
  readonly endpointId: string;
  readonly call: string;
  readonly attempt: number;
  readonly outcome: string;
  readonly detail: string | null;
  readonly latencyMs: number;
}

export interface LedgerTransfer {
  readonly id: string;
  readonly kind: string;
  readonly payerId: string;
  readonly payeeId: string;
  readonly amount: string;
  readonly currency: string;
  readonly state: string;
  readonly createdAt: string;
}

export interface BarcodePaymentTrace {
  readonly payment: BarcodePayment;
  readonly calls: readonly ParticipantCall[];
  readonly transfers: readonly LedgerTransfer[];
}

export interface Merchant {
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly name: string;
  readonly merchantCategoryCode: string;
  readonly city: string;
  readonly countryCode: string;
  readonly status: string;
  readonly createdAt: string;
}

export interface CodePrefix {
  readonly prefix: string;
  readonly issuerId: string;
  readonly instrument: string;
  readonly createdAt: string;
}

export type BarcodeLimits = { readonly currency: string } & Readonly<
  Record<RiskLevel, string | null>
>;

export function barcodePaymentPath(paymentId: string): string {
  return `/barcode-payments/${encodeURIComponent(paymentId)}`;
}
