import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { Dialect } from "./dialect.ts";
import { clearingCoreMigration } from "./migrations/0001-clearing-core.ts";
import { participantKeysMigration } from "./migrations/0002-participant-keys.ts";
import { participantTransfersMigration } from "./migrations/0003-participant-transfers.ts";
import { webhooksMigration } from "./migrations/0004-webhooks.ts";
import { auditLogMigration } from "./migrations/0005-audit-log.ts";
import { bankEndpointsMigration } from "./migrations/0006-bank-endpoints.ts";
import { agreementsMigration } from "./migrations/0007-agreements.ts";
import { bankOperationsMigration } from "./migrations/0008-bank-operations.ts";
import { operatorReadsMigration } from "./migrations/0009-operator-reads.ts";
import { operatorAccountsMigration } from "./migrations/0010-operator-accounts.ts";
import { bankEndpointRetirementMigration } from "./migrations/0011-bank-endpoint-retirement.ts";
import { billerProfilesMigration } from "./migrations/0012-biller-profiles.ts";
import { billSubscriptionsMigration } from "./migrations/0014-bill-subscriptions.ts";
import { channelSuspensionsMigration } from "./migrations/0015-channel-suspensions.ts";
import { billPresentmentsMigration } from "./migrations/0016-bill-presentments.ts";
import { billPaymentsMigration } from "./migrations/0017-bill-payments.ts";
import { billPresentmentExpiryMigration } from "./migrations/0019-bill-presentment-expiry.ts";
import { settlementWindowsMigration } from "./migrations/0020-settlement-windows.ts";
import { feeSchedulesMigration } from "./migrations/0021-fee-schedules.ts";
import { reconciliationMigration } from "./migrations/0022-reconciliation.ts";
import { reserveCapRulesMigration } from "./migrations/0023-reserve-cap-rules.ts";
import { merchantsAndCodePrefixesMigration } from "./migrations/0024-merchants-and-code-prefixes.ts";
import { barcodeLimitsMigration } from "./migrations/0025-barcode-limits.ts";
import { barcodePaymentsMigration } from "./migrations/0026-barcode-payments.ts";
import { barcodeRefundsMigration } from "./migrations/0027-barcode-refunds.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Stores name the dialect from here, beside the database they are given. */
export type { Dialect };

export interface DatabaseConfig {
  /** A postgres:// URL selects PostgreSQL; without one the embedded SQLite store is used. */
  readonly databaseUrl?: string | undefined;
  /** Directory of the SQLite file; created if missing. */
  readonly dataDir?: string | undefined;
  /** Connections in the PostgreSQL pool. */
  readonly poolSizeMax?: number | undefined;
}

export interface Database {
  readonly dialect: Dialect;
  readonly kysely: Kysely<ClearhubSchema>;
  /** The raw SQLite handle, for the ledger's synchronous batch path; null on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | null;
  /** The PostgreSQL pool, for the ledger's batch path (COPY); null on SQLite. */
  readonly postgresPool: pg.Pool | null;
  /** Where the data lives, for messages: the SQLite file or the PostgreSQL URL without password. */
  readonly location: string;
  close(): Promise<void>;
}

export const sqliteFileName = "clearhub.db";
export const sqliteDataDirDefault = "data";
const int8Oid = 20;

export function openDatabase(config: DatabaseConfig): Database {
  if (config.databaseUrl !== undefined && config.databaseUrl !== "") {
    return openPostgres(config.databaseUrl, config.poolSizeMax ?? 10);
  }
  return openSqlite(config.dataDir ?? sqliteDataDirDefault);
}

function openPostgres(url: string, poolSizeMax: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSizeMax,
    // int8 columns hold money: read them as bigint, never as a lossy number.
    types: {
      getTypeParser: (oid: number, format?: "text" | "binary") =>
        oid === int8Oid ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format),
    },
  });
  const kysely = new Kysely<ClearhubSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: "postgres",
    kysely,
    sqlite: null,
    postgresPool: pool,
    location: url.replace(/:[^:@/]*@/, ":***@"),
    close: () => kysely.destroy(),
  };
}

function openSqlite(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, sqliteFileName);
  const sqlite = new BetterSqlite3(file);
  // WAL with synchronous=FULL fsyncs the log on every commit: an acknowledged batch survives power loss.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.defaultSafeIntegers(true);
  const kysely = new Kysely<ClearhubSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    dialect: "sqlite",
    kysely,
    sqlite,
    postgresPool: null,
    location: file,
    close: () => kysely.destroy(),
  };
}

/** Brings the schema up to date; safe to run on every start and from several nodes at once. */
export async function migrateToLatest(database: Database): Promise<void> {
  const migrations: Record<string, Migration> = {
    "0001-clearing-core": clearingCoreMigration(database.dialect),
    "0002-participant-keys": participantKeysMigration(database.dialect),
    "0003-participant-transfers": participantTransfersMigration(),
    "0004-webhooks": webhooksMigration(database.dialect),
    "0005-audit-log": auditLogMigration(),
    "0006-bank-endpoints": bankEndpointsMigration(),
    "0007-agreements": agreementsMigration(),
    "0008-bank-operations": bankOperationsMigration(),
    "0009-operator-reads": operatorReadsMigration(database.dialect),
    "0010-operator-accounts": operatorAccountsMigration(),
    "0011-bank-endpoint-retirement": bankEndpointRetirementMigration(),
    "0012-biller-profiles": billerProfilesMigration(),
    "0014-bill-subscriptions": billSubscriptionsMigration(),
    "0015-channel-suspensions": channelSuspensionsMigration(database.dialect),
    "0016-bill-presentments": billPresentmentsMigration(),
    "0017-bill-payments": billPaymentsMigration(),
    "0019-bill-presentment-expiry": billPresentmentExpiryMigration(),
    "0020-settlement-windows": settlementWindowsMigration(),
    "0021-fee-schedules": feeSchedulesMigration(),
    "0022-reconciliation": reconciliationMigration(),
    "0023-reserve-cap-rules": reserveCapRulesMigration(),
    "0024-merchants-and-code-prefixes": merchantsAndCodePrefixesMigration(),
    "0025-barcode-limits": barcodeLimitsMigration(),
    "0026-barcode-payments": barcodePaymentsMigration(),
    "0027-barcode-refunds": barcodeRefundsMigration(),
  };
  if (await isAtMigration(database, Object.keys(migrations).at(-1))) return;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runMigrator(database, migrations);
    } catch (error) {
      if (!isVanishedSchema(error) || attempt >= migrationAttemptsMax) throw error;
      await setTimeout(migrationRetryDelayMs * attempt);
    }
  }
}

/**
 * Kysely's migrator introspects every schema it may read, so it fails when another tenant of
 * the same database drops a schema, table or column at that moment. Those errors are retried:
 * they say nothing about our own schema, and a real fault in a migration repeats every time.
 */
const introspectionRaceCodes: ReadonlySet<string> = new Set(["3F000", "42P01", "42703"]);
const migrationAttemptsMax = 8;
const migrationRetryDelayMs = 25;

function isVanishedSchema(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && introspectionRaceCodes.has(code);
}

async function runMigrator(
  database: Database,
  migrations: Record<string, Migration>,
): Promise<void> {
  const migrator = new Migrator({
    db: database.kysely,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its bookkeeping tables in every schema unless told which one: name the
    // schema the connection uses, so several hubs can share one PostgreSQL database.
    ...(database.dialect === "postgres"
      ? { migrationTableSchema: await currentSchema(database) }
      : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
}

async function currentSchema(database: Database): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    database.kysely,
  );
  const schema = rows[0]?.schema;
  if (schema === undefined) throw new Error("the PostgreSQL connection has no current schema");
  return schema;
}

/** Whether any migration ran here: a store a hub has used, or an empty one (false). */
export async function hasSchema(database: Database): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`
      select name from kysely_migration limit 1`.execute(database.kysely);
    return rows.length > 0;
  } catch (error) {
    if (isMissingTable(error)) return false; // nothing was ever migrated here
    throw error; // the store could not be asked at all: not the same as empty
  }
}

function isMissingTable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "42P01" || (typeof message === "string" && message.startsWith("no such table"));
}

/**
 * Most starts find the schema current. Checking that directly avoids the migrator's catalogue
 * introspection, which fails when another schema of the same database is dropped meanwhile.
 */
async function isAtMigration(database: Database, latest: string | undefined): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`
      select name from kysely_migration order by name desc limit 1`.execute(database.kysely);
    return rows[0]?.name === latest;
  } catch {
    return false; // no bookkeeping table yet: a fresh database
  }
}
