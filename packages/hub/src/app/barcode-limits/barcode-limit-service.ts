import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails } from "../../domain/audit/audit-entry.ts";
import {
  type BarcodeLimitTable,
  dailyLimitFor,
  type LevelLimits,
  type LevelLimitsProblem,
  levelLimitsProblem,
  limitExceeded,
} from "../../domain/barcode/barcode-limits.ts";
import { type RiskLevel, riskLevels } from "../../domain/barcode/risk-level.ts";
import { formatAmount } from "../../domain/money/amount.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import {
  businessDayDefaults,
  businessDayHolding,
} from "../../domain/reconciliation/business-day.ts";
import type { BarcodeLimitStore } from "../ports/barcode-limit-store.ts";
import type { BarcodeUsageStore } from "../ports/barcode-usage-store.ts";

/** One barcode payment to count against its payer customer's day. */
export interface BarcodeHoldInput {
  /** The payment's id at the hub: a retried hold with it is answered again, not counted twice. */
  readonly paymentId: string;
  /** The payer's institution. */
  readonly payerId: string;
  /** The institution's reference of its customer (kept only hashed). */
  readonly customerRef: string;
  readonly level: RiskLevel;
  /** Minor units of `currency`, more than zero. */
  readonly amount: bigint;
  readonly currency: string;
  /** When the payment is made, epoch milliseconds: it picks the day it counts in. */
  readonly at: number;
}

export type BarcodeHoldResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: "limit_exceeded";
      /** What the customer may still pay today at this level, minor units (zero or more). */
      readonly remaining: bigint;
      readonly limit: bigint;
    }
  | { readonly ok: false; readonly code: "currency_has_no_limits" };

export type BarcodeLimitRefusal = LevelLimitsProblem | "currency_unknown";

export type BarcodeLimitOutcome =
  | { readonly ok: true; readonly value: LevelLimits }
  | { readonly ok: false; readonly code: BarcodeLimitRefusal };

/** How long a node checks payments against the limits it read: a change reaches every node within it. */
export const barcodeLimitsRefreshMsDefault = 1000;

export interface BarcodeLimitDeps {
  readonly limits: BarcodeLimitStore;
  readonly usage: BarcodeUsageStore;
  /**
   * The IANA time zone whose calendar day a limit is per: the reconciliation day's zone, so the
   * hub counts a customer's day where it counts the statements' (its cut-off is not used: the
   * PBOC limits are per calendar day).
   */
  readonly timeZone?: string | undefined;
  readonly clock?: (() => number) | undefined;
  readonly refreshMs?: number | undefined;
}

/**
 * PBOC barcode-payment limits per payer customer and day: the operator's table per currency and
 * risk level, and each payment held against its customer's day so that concurrent payments
 * cannot pass a limit together. The hold path reads the table from memory, refreshed at most
 * every `refreshMs`; a change made on this node applies at once.
 */
export class BarcodeLimitService {
  private readonly timeZone: string;
  private readonly clock: () => number;
  private readonly refreshMs: number;
  private cached: { readonly table: BarcodeLimitTable; readonly readAt: number } | undefined;
  private reading: Promise<BarcodeLimitTable> | undefined;

  constructor(private readonly deps: BarcodeLimitDeps) {
    this.timeZone = deps.timeZone ?? businessDayDefaults.timeZone;
    this.clock = deps.clock ?? Date.now;
    this.refreshMs = deps.refreshMs ?? barcodeLimitsRefreshMsDefault;
  }

  /**
   * Counts the payment against its customer's day at its level, or refuses it writing nothing.
   * A payment held before is answered `ok` again, whatever the limits since.
   */
  async hold(input: BarcodeHoldInput): Promise<BarcodeHoldResult> {
    if (input.amount <= 0n) throw new RangeError("a barcode payment's amount is more than zero");
    const limit = dailyLimitFor(await this.cachedTable(), input.currency, input.level);
    if (!limit.ok) return limit;
    const held = await this.deps.usage.hold({
      paymentId: input.paymentId,
      payerId: input.payerId,
      customerRef: input.customerRef,
      day: this.dayOf(input.at),
      currency: input.currency,
      level: input.level,
      amountMinor: input.amount,
      limitMinor: limit.limitMinor,
      heldAt: input.at,
    });
    if (held.ok || limit.limitMinor === null) return { ok: true };
    const refused = limitExceeded(held.usedMinor, limit.limitMinor);
    if (refused.ok) throw new Error("a refused hold fits its limit");
    return {
      ok: false,
      code: "limit_exceeded",
      remaining: refused.remainingMinor,
      limit: refused.limitMinor,
    };
  }

  /** Gives a failed payment's amount back to its day; whether it was held. Idempotent. */
  release(paymentId: string): Promise<boolean> {
    return this.deps.usage.release(paymentId);
  }

  /** The calendar day `YYYY-MM-DD` an instant counts in. */
  dayOf(at: number): string {
    return businessDayHolding(at, { cutoffMinutes: 0, timeZone: this.timeZone });
  }

  /** The table as stored now (not the cached copy). */
  table(): Promise<BarcodeLimitTable> {
    return this.deps.limits.table();
  }

  /** What `set` would refuse, without writing: a proposal is checked with it. */
  check(currency: string, limits: LevelLimits): BarcodeLimitRefusal | undefined {
    if (findCurrency(currency) === undefined) return "currency_unknown";
    return levelLimitsProblem(limits) ?? undefined;
  }

  /** Sets the currency's four limits, audited; refused whole, writing nothing, if invalid. */
  async set(
    currency: string,
    limits: LevelLimits,
    actor: AuditActor,
  ): Promise<BarcodeLimitOutcome> {
    const refusal = this.check(currency, limits);
    if (refusal !== undefined) return { ok: false, code: refusal };
    await this.deps.limits.put(currency, limits, {
      at: this.clock(),
      actor,
      action: "barcode_limits.set",
      subject: barcodeLimitsSubject(currency),
      details: { currency, ...limitsDetails(currency, limits) },
    });
    this.cached = undefined;
    return { ok: true, value: limits };
  }

  /** The table in memory, read again once `refreshMs` old; callers share one read. */
  private async cachedTable(): Promise<BarcodeLimitTable> {
    const now = this.clock();
    if (this.cached !== undefined && now - this.cached.readAt < this.refreshMs) {
      return this.cached.table;
    }
    if (this.reading === undefined) {
      this.reading = this.deps.limits
        .table()
        .then((table) => {
          this.cached = { table, readAt: now };
          return table;
        })
        .finally(() => {
          this.reading = undefined;
        });
    }
    return this.reading;
  }
}

/** How the audit log and approvals name a currency's limits: `barcode_limits:CNY`. */
export function barcodeLimitsSubject(currency: string): string {
  return `barcode_limits:${currency}`;
}

/** Each level's limit as a decimal string of the currency, null for none. */
function limitsDetails(currency: string, limits: LevelLimits): AuditDetails {
  const known = findCurrency(currency);
  const shown = (minor: bigint | null) =>
    minor === null ? null : known === undefined ? minor.toString() : formatAmount(minor, known);
  return Object.fromEntries(riskLevels.map((level) => [level, shown(limits[level])]));
}
