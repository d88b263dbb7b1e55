import type { Database } from "../adapters/store/database.ts";
import { KyselyBarcodeLimitStore } from "../adapters/store/kysely-barcode-limit-store.ts";
import { KyselyBarcodeUsageStore } from "../adapters/store/kysely-barcode-usage-store.ts";
import { BarcodeLimitService } from "../app/barcode-limits/barcode-limit-service.ts";
import type { BusinessDayConfig } from "../domain/reconciliation/business-day.ts";

export interface BarcodeLimitParts {
  /** PBOC barcode-payment limits per payer customer and day, and the operator's table of them. */
  readonly barcodeLimits: BarcodeLimitService;
}

/** The day a limit counts in is the calendar day in the reconciliation day's time zone. */
export function composeBarcodeLimits(
  database: Database,
  reconciliationDay: BusinessDayConfig | undefined,
): BarcodeLimitParts {
  return {
    barcodeLimits: new BarcodeLimitService({
      limits: new KyselyBarcodeLimitStore(database.kysely),
      usage: new KyselyBarcodeUsageStore(database.kysely),
      timeZone: reconciliationDay?.timeZone,
    }),
  };
}
