import { amountMinorMax } from "../money/amount.ts";
import type { RiskLevel } from "./risk-level.ts";

/**
 * The daily limits of barcode payments per payer customer, by currency and risk level. A
 * level's limit is in minor units of the currency; `null` is no limit (level A by default: its
 * limit is by agreement between the payer's institution and its customer).
 *
 * A currency with no row has no limits configured and its payments are REFUSED
 * (`currency_has_no_limits`), not let through unlimited: a currency added to the network must
 * not open barcode payments without a ceiling until the operator decides one.
 */
export type LevelLimits = Readonly<Record<RiskLevel, bigint | null>>;

/** Currency code to its levels' limits. A Map, so a currency code is never an object key. */
export type BarcodeLimitTable = ReadonlyMap<string, LevelLimits>;

/** The PBOC defaults in CNY fen: B 5,000, C 1,000, D 500 yuan a day; A by agreement. */
export const cnyDefaultLimits: LevelLimits = { A: null, B: 500_000n, C: 100_000n, D: 50_000n };

export const defaultBarcodeLimits: BarcodeLimitTable = new Map([["CNY", cnyDefaultLimits]]);

export type DailyLimit =
  | { readonly ok: true; readonly limitMinor: bigint | null }
  | { readonly ok: false; readonly code: "currency_has_no_limits" };

/** The day's limit of a level in a currency: `null` for none, refused for an unconfigured currency. */
export function dailyLimitFor(
  table: BarcodeLimitTable,
  currency: string,
  level: RiskLevel,
): DailyLimit {
  const limits = table.get(currency);
  if (limits === undefined) return { ok: false, code: "currency_has_no_limits" };
  return { ok: true, limitMinor: limits[level] };
}

export type LimitCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: "limit_exceeded";
      /** What the customer may still pay today at this level (zero or more). */
      readonly remainingMinor: bigint;
      readonly limitMinor: bigint;
    };

/** Whether `amountMinor` fits in the day: used + amount <= limit (always, with no limit). */
export function checkDailyLimit(
  usedMinor: bigint,
  amountMinor: bigint,
  limitMinor: bigint | null,
): LimitCheck {
  if (limitMinor === null || usedMinor + amountMinor <= limitMinor) return { ok: true };
  return limitExceeded(usedMinor, limitMinor);
}

export function limitExceeded(usedMinor: bigint, limitMinor: bigint): LimitCheck {
  const remaining = limitMinor - usedMinor;
  return {
    ok: false,
    code: "limit_exceeded",
    remainingMinor: remaining > 0n ? remaining : 0n,
    limitMinor,
  };
}

export type LevelLimitsProblem = "barcode_limit_invalid";

/** A limit is zero (the level refused outright) up to what an `int8` column holds. */
export function levelLimitsProblem(limits: LevelLimits): LevelLimitsProblem | null {
  const bad = Object.values(limits).some(
    (limit) => limit !== null && (limit < 0n || limit > amountMinorMax),
  );
  return bad ? "barcode_limit_invalid" : null;
}
