import type { Kysely } from "kysely";
import type {
  EndpointMigrationStore,
  MigrationWrite,
} from "../../app/ports/endpoint-migration-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  applyMigrationChange,
  type EndpointMigration,
  type MigrationChange,
  type MigrationState,
} from "../../domain/banks/endpoint-migration.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import { lockBank, migrationFromRow, migrationRow } from "./bank-endpoint-rows.ts";
import type { Dialect } from "./database.ts";
import type { ClearhubSchema } from "./schema.ts";

/** A listing's bound: years of migrations of one bank, far more than an operator reads at once. */
export const migrationsListedMax = 500;

/** Endpoint migrations with plain Kysely; see the port for the locking and audit rules. */
export class KyselyEndpointMigrationStore implements EndpointMigrationStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  createMigration(migration: EndpointMigration, audit: AuditRecord): Promise<MigrationWrite> {
    return this.db.transaction().execute(async (trx) => {
      const bank = await lockBank(trx, this.dialect, migration.bankId);
      if (!bank.ok) return bank;
      const endpoints = await trx
        .selectFrom("bank_endpoints")
        .select(["id", "enabled", "retired_at"])
        .where("bank_id", "=", migration.bankId)
        .where("id", "in", [migration.fromEndpointId, migration.toEndpointId])
        .execute();
      const target = endpoints.find((row) => row.id === migration.toEndpointId);
      if (endpoints.length !== 2 || target === undefined) {
        return { ok: false, code: "bank_endpoint_not_found" };
      }
      // A retired source has nothing left to move; a retired target is never called.
      if (endpoints.some((row) => row.retired_at !== null)) {
        return { ok: false, code: "bank_endpoint_retired" };
      }
      if (Number(target.enabled) !== 1) return { ok: false, code: "bank_endpoint_disabled" };
      if ((await findMigrationIn(trx, migration.bankId, migration.id)) !== undefined) {
        return { ok: false, code: "endpoint_migration_exists" };
      }
      const leaving = await trx
        .selectFrom("endpoint_migrations")
        .select("id")
        .where("bank_id", "=", migration.bankId)
        .where("from_endpoint_id", "=", migration.fromEndpointId)
        .where("state", "in", ["active", "completing"])
        .executeTakeFirst();
      if (leaving !== undefined) return { ok: false, code: "endpoint_migration_conflict" };
      await trx.insertInto("endpoint_migrations").values(migrationRow(migration)).execute();
      await appendAuditEntry(trx, audit);
      return { ok: true, migration };
    });
  }

  changeMigration(
    bankId: string,
    migrationId: string,
    change: MigrationChange,
    at: number,
    actorId: string,
    audit: (before: EndpointMigration, after: EndpointMigration) => AuditRecord,
  ): Promise<MigrationWrite> {
    return this.db.transaction().execute(async (trx) => {
      const bank = await lockBank(trx, this.dialect, bankId);
      if (!bank.ok) return bank;
      const before = await findMigrationIn(trx, bankId, migrationId);
      if (before === undefined) return { ok: false, code: "endpoint_migration_not_found" };
      const changed = applyMigrationChange(before, change, at, actorId);
      if (!changed.ok) return changed;
      if (change.kind === "complete" && (await primaryOf(trx, bankId)) === before.fromEndpointId) {
        return { ok: false, code: "endpoint_migration_source_is_primary" };
      }
      const {
        bank_id: _bank,
        id: _id,
        created_at: _created,
        ...changes
      } = migrationRow(changed.migration);
      await trx
        .updateTable("endpoint_migrations")
        .set(changes)
        .where("bank_id", "=", bankId)
        .where("id", "=", migrationId)
        .execute();
      await appendAuditEntry(trx, audit(before, changed.migration));
      return { ok: true, migration: changed.migration };
    });
  }

  findMigration(bankId: string, migrationId: string): Promise<EndpointMigration | undefined> {
    return findMigrationIn(this.db, bankId, migrationId);
  }

  async listRoutingMigrations(bankId: string): Promise<EndpointMigration[]> {
    const rows = await this.db
      .selectFrom("endpoint_migrations")
      .selectAll()
      .where("bank_id", "=", bankId)
      .where("state", "in", ["active", "completing"])
      .execute();
    return rows.map(migrationFromRow);
  }

  async listMigrations(bankId: string, state?: MigrationState): Promise<EndpointMigration[]> {
    let query = this.db.selectFrom("endpoint_migrations").selectAll().where("bank_id", "=", bankId);
    if (state !== undefined) query = query.where("state", "=", state);
    const rows = await query
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(migrationsListedMax)
      .execute();
    return rows.map(migrationFromRow);
  }
}

async function primaryOf(db: Kysely<ClearhubSchema>, bankId: string) {
  const row = await db
    .selectFrom("bank_primary_endpoints")
    .select("endpoint_id")
    .where("bank_id", "=", bankId)
    .executeTakeFirst();
  return row?.endpoint_id;
}

async function findMigrationIn(
  db: Kysely<ClearhubSchema>,
  bankId: string,
  migrationId: string,
): Promise<EndpointMigration | undefined> {
  const row = await db
    .selectFrom("endpoint_migrations")
    .selectAll()
    .where("bank_id", "=", bankId)
    .where("id", "=", migrationId)
    .executeTakeFirst();
  return row === undefined ? undefined : migrationFromRow(row);
}
