import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { BarcodeLimitTable, LevelLimits } from "../../domain/barcode/barcode-limits.ts";

/** The barcode payments' daily limits per currency; every change is written with its audit entry. */
export interface BarcodeLimitStore {
  /** Every configured currency with its four levels' limits. */
  table(): Promise<BarcodeLimitTable>;
  /** Sets the four levels of the currency, replacing any, in one transaction with the audit entry. */
  put(currency: string, limits: LevelLimits, audit: AuditRecord): Promise<void>;
}
