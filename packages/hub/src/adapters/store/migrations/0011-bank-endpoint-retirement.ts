import type { Kysely, Migration } from "kysely";

/**
 * Retired bank endpoints: kept (agreements that ended there still name them, and the audit log
 * does), never called again. Null while the endpoint is in service.
 */
export function bankEndpointRetirementMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("bank_endpoints").addColumn("retired_at", "bigint").execute();
    },
  };
}
