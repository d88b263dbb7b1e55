import type { Kysely } from "kysely";
import type { BarcodeLimitStore } from "../../app/ports/barcode-limit-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { BarcodeLimitTable, LevelLimits } from "../../domain/barcode/barcode-limits.ts";
import { isRiskLevel, type RiskLevel, riskLevels } from "../../domain/barcode/risk-level.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { ClearhubSchema } from "./schema.ts";

/** More currencies than a network holds, four rows each: a read stops there. */
const limitRowsMax = 4 * 1000;

/** Barcode payments' daily limits with plain Kysely: the same statements on both dialects. */
export class KyselyBarcodeLimitStore implements BarcodeLimitStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async table(): Promise<BarcodeLimitTable> {
    const rows = await this.db
      .selectFrom("barcode_limits")
      .selectAll()
      .orderBy("currency")
      .orderBy("level")
      .limit(limitRowsMax)
      .execute();
    const partial = new Map<string, Partial<Record<RiskLevel, bigint | null>>>();
    for (const row of rows) {
      if (!isRiskLevel(row.level)) continue;
      const levels = partial.get(row.currency) ?? {};
      levels[row.level] = row.daily_limit_minor === null ? null : BigInt(row.daily_limit_minor);
      partial.set(row.currency, levels);
    }
    const table = new Map<string, LevelLimits>();
    for (const [currency, levels] of partial) {
      // Written four at a time, so a currency always has all four; a missing one is no limit's
      // opposite: the level is refused (zero), never let through.
      table.set(currency, {
        A: levels.A === undefined ? 0n : levels.A,
        B: levels.B === undefined ? 0n : levels.B,
        C: levels.C === undefined ? 0n : levels.C,
        D: levels.D === undefined ? 0n : levels.D,
      });
    }
    return table;
  }

  async put(currency: string, limits: LevelLimits, audit: AuditRecord): Promise<void> {
    const rows = riskLevels.map((level) => ({
      currency,
      level,
      daily_limit_minor: limits[level],
    }));
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("barcode_limits")
        .values(rows)
        .onConflict((conflict) =>
          conflict
            .columns(["currency", "level"])
            .doUpdateSet({ daily_limit_minor: (eb) => eb.ref("excluded.daily_limit_minor") }),
        )
        .execute();
      await appendAuditEntry(trx, audit);
    });
  }
}
