/**
 * The PBOC barcode-payment risk levels of a payer customer's verification (2017 barcode payment
 * rules). The payer's institution verifies its customer and tells the hub the level; the level
 * picks the daily limit (barcode-limits.ts).
 *
 * - A: two or more verification factors, one of them a digital certificate or an electronic
 *   signature. Limit by agreement between the institution and its customer: none at the hub
 *   unless the operator configures one.
 * - B: two or more factors, without a certificate or signature. 5,000 CNY a day.
 * - C: fewer than two factors. 1,000 CNY a day.
 * - D: any payment by a static code, whatever the factors. 500 CNY a day.
 */
export const riskLevels = ["A", "B", "C", "D"] as const;

export type RiskLevel = (typeof riskLevels)[number];

export function isRiskLevel(text: string): text is RiskLevel {
  return (riskLevels as readonly string[]).includes(text);
}

/** How the payer's institution verified its customer for one payment. */
export interface PayerVerification {
  /** Independent verification factors used (password, device, biometrics, certificate...). */
  readonly factorCount: number;
  /** Whether one of the factors is a digital certificate or an electronic signature. */
  readonly certificateOrSignature: boolean;
  /** Whether the payment is by a static code (a printed merchant code, no amount in it). */
  readonly staticCode: boolean;
}

/** The level a verification earns: a static code caps it at D whatever the factors. */
export function riskLevelOf(verification: PayerVerification): RiskLevel {
  if (verification.staticCode) return "D";
  if (verification.factorCount < 2) return "C";
  return verification.certificateOrSignature ? "A" : "B";
}
