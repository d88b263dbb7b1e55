import { Type } from "@sinclair/typebox";
import type { BarcodeLimitRefusal } from "../../app/barcode-limits/barcode-limit-service.ts";
import type { LevelLimits } from "../../domain/barcode/barcode-limits.ts";
import { type RiskLevel, riskLevels } from "../../domain/barcode/risk-level.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import { amountInput, readMoney, writeMoney } from "../money-codec.ts";

const levelNotes: Readonly<Record<RiskLevel, string>> = {
  A: "Level A (two or more factors including a digital certificate or electronic signature; PBOC: by agreement).",
  B: "Level B (two or more factors; PBOC: 5,000 CNY).",
  C: "Level C (fewer than two factors; PBOC: 1,000 CNY).",
  D: "Level D (any static code; PBOC: 500 CNY).",
};

function levelLimit(level: RiskLevel) {
  return Type.Union([amountInput("Zero refuses the level's payments outright."), Type.Null()], {
    description: `${levelNotes[level]} The daily limit per payer customer; null for none.`,
  });
}

/** The four levels' daily limits of one currency; every level must be given. */
export const BarcodeLimitsInput = Type.Object(
  { A: levelLimit("A"), B: levelLimit("B"), C: levelLimit("C"), D: levelLimit("D") },
  { additionalProperties: false, title: "BarcodeLimitsInput" },
);

/** The limits as a proposal keeps them: JSON, decimal strings or null. */
export type BarcodeLimitsPayload = {
  readonly currency: string;
} & Readonly<Record<RiskLevel, string | null>>;

type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: BarcodeLimitRefusal | AmountParseError };

/** The currency (as its ISO code) and its four limits in minor units, or the first mistake. */
export function readBarcodeLimits(
  payload: BarcodeLimitsPayload,
): Read<{ currency: string; limits: LevelLimits }> {
  const currency = findCurrency(payload.currency);
  if (currency === undefined) return { ok: false, code: "currency_unknown" };
  const limits: Partial<Record<RiskLevel, bigint | null>> = {};
  for (const level of riskLevels) {
    const text = payload[level];
    if (text === null) {
      limits[level] = null;
      continue;
    }
    const money = readMoney(text, currency.code, { allowZero: true });
    if (!money.ok) return money;
    limits[level] = money.minor;
  }
  return { ok: true, value: { currency: currency.code, limits: limits as LevelLimits } };
}

/** Limits as decimal strings of their currency, null for none. */
export function barcodeLimitsPayload(currency: string, limits: LevelLimits): BarcodeLimitsPayload {
  const shown = (minor: bigint | null) => (minor === null ? null : writeMoney(minor, currency));
  return {
    currency,
    A: shown(limits.A),
    B: shown(limits.B),
    C: shown(limits.C),
    D: shown(limits.D),
  };
}
