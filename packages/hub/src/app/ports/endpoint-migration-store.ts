import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type {
  EndpointMigration,
  MigrationChange,
  MigrationChangeRefusal,
  MigrationState,
} from "../../domain/banks/endpoint-migration.ts";

export type MigrationCreateRefusal =
  | "participant_not_found"
  | "participant_not_bank"
  | "bank_endpoint_not_found"
  | "bank_endpoint_disabled"
  | "bank_endpoint_retired"
  | "endpoint_migration_exists"
  | "endpoint_migration_conflict";

export type MigrationWrite =
  | { readonly ok: true; readonly migration: EndpointMigration }
  | {
      readonly ok: false;
      readonly code:
        | MigrationCreateRefusal
        | MigrationChangeRefusal
        | "endpoint_migration_not_found"
        | "endpoint_migration_source_is_primary";
    };

/**
 * Endpoint migrations. Writes lock the bank like the endpoint store's, so a migration's checks
 * (its endpoints exist and neither is retired, the target is enabled, no other active migration leaves the same
 * endpoint) hold when it commits; each write appends its audit record in its transaction.
 */
export interface EndpointMigrationStore {
  createMigration(migration: EndpointMigration, audit: AuditRecord): Promise<MigrationWrite>;
  /**
   * Applies the change to the migration as stored (see applyMigrationChange), at `at`. Starting
   * a completion is refused while the source endpoint is the bank's primary: new signings would
   * keep landing on the endpoint being emptied.
   */
  changeMigration(
    bankId: string,
    migrationId: string,
    change: MigrationChange,
    at: number,
    actorId: string,
    audit: (before: EndpointMigration, after: EndpointMigration) => AuditRecord,
  ): Promise<MigrationWrite>;
  findMigration(bankId: string, migrationId: string): Promise<EndpointMigration | undefined>;
  /** The bank's active and completing migrations: the ones that route agreements. */
  listRoutingMigrations(bankId: string): Promise<EndpointMigration[]>;
  /** Newest first, optionally of one state. */
  listMigrations(bankId: string, state?: MigrationState): Promise<EndpointMigration[]>;
}
