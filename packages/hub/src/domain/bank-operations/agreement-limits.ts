import type { RiskInputs } from "../agreements/agreement.ts";

/**
 * How much an agreement may be debited, by its risk level: the fewer factors authenticated the
 * customer when signing, the less. Amounts in minor units of CNY.
 */
export type RiskLevel = "single_factor" | "multi_factor" | "digital_certificate";

export interface AgreementLimits {
  /** The most one payment may debit, whatever the risk level. */
  readonly perTransactionMaxMinor: bigint;
  /** The most the payments of one agreement may debit in one day, by risk level. */
  readonly dailyMaxMinor: Readonly<Record<RiskLevel, bigint>>;
  /** Where a limit day starts, in minutes east of UTC: China's day by default. */
  readonly dayOffsetMinutes: number;
}

/**
 * The defaults: fewer than two factors 1,000 CNY a day, two or more 5,000 CNY, a digital
 * certificate the amount agreed with the bank (50,000 CNY here, configurable); 5,000 CNY a
 * payment.
 */
export const agreementLimitsDefaults: AgreementLimits = {
  perTransactionMaxMinor: 500_000n,
  dailyMaxMinor: {
    single_factor: 100_000n,
    multi_factor: 500_000n,
    digital_certificate: 5_000_000n,
  },
  dayOffsetMinutes: 8 * 60,
};

export function riskLevel(risk: RiskInputs): RiskLevel {
  if (risk.digitalCertificate) return "digital_certificate";
  return risk.authenticationFactors >= 2 ? "multi_factor" : "single_factor";
}

export type LimitCheck = "ok" | "exceeds_transaction_limit" | "exceeds_daily_limit";

/**
 * Whether a payment fits. `spentTodayMinor` counts every payment of the agreement that day not
 * known to have failed: processing, pending and unknown ones included, because any of them may
 * yet take the customer's money.
 */
export function checkAgreementLimits(
  amountMinor: bigint,
  spentTodayMinor: bigint,
  risk: RiskInputs,
  limits: AgreementLimits,
): LimitCheck {
  if (amountMinor > limits.perTransactionMaxMinor) return "exceeds_transaction_limit";
  const daily = limits.dailyMaxMinor[riskLevel(risk)];
  return spentTodayMinor + amountMinor > daily ? "exceeds_daily_limit" : "ok";
}

const dayMs = 24 * 60 * 60 * 1000;

/** The limit day holding `at`: [start, end) in epoch milliseconds. */
export function limitDay(at: number, dayOffsetMinutes: number): { start: number; end: number } {
  const offsetMs = dayOffsetMinutes * 60_000;
  const start = Math.floor((at + offsetMs) / dayMs) * dayMs - offsetMs;
  return { start, end: start + dayMs };
}
