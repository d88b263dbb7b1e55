/**
 * Runs one test suite on both ledger backends, each test on its own isolated store:
 * SQLite in a fresh temporary directory, PostgreSQL in a fresh schema selected by the URL.
 *
 * PostgreSQL comes from CLEARHUB_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * When it is unreachable, its tests are skipped with a message, except under CI=true, where
 * loading this module fails so that a missing database can never pass silently.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import { type Database, migrateToLatest, openDatabase } from "../../src/adapters/store/database.ts";
import { type RequiredService, serviceAvailable, warnSkipped } from "./required-service.ts";

export type Backend = "sqlite" | "postgres";

export const backends: Backend[] = ["sqlite", "postgres"];

export interface TestDatabase {
  readonly database: Database;
  /** The schema-selecting PostgreSQL URL, for other processes in the test; undefined on SQLite. */
  readonly databaseUrl: string | undefined;
  /** The SQLite data directory; undefined on PostgreSQL. */
  readonly dataDir: string | undefined;
  /** Closes the database and deletes its directory or schema. */
  dispose(): Promise<void>;
}

const defaultPostgresUrl = "postgres://postgres@127.0.0.1:5432/test";

export function postgresBaseUrl(): string {
  const url = process.env.CLEARHUB_TEST_DATABASE_URL;
  return url !== undefined && url !== "" ? url : defaultPostgresUrl;
}

function redact(url: string): string {
  return url.replace(/:[^:@/]*@/, ":***@");
}

/** The base URL with the libpq `options` parameter setting search_path to the schema. */
export function urlForSchema(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.delete("options");
  const rest = url.searchParams.toString();
  const options = `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  url.search = rest === "" ? options : `${rest}&${options}`;
  return url.toString();
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether the test PostgreSQL server answers. Under CI=true an unreachable server is an error,
 * never a reason to skip.
 */
function postgresService(): RequiredService {
  const url = postgresBaseUrl();
  return {
    name: "PostgreSQL",
    shownUrl: redact(url),
    urlVariable: "CLEARHUB_TEST_DATABASE_URL",
    probe: () => withClient(url, (client) => client.query("select 1")),
  };
}

/** Whether the test PostgreSQL answers. Under CI=true an unreachable server is an error. */
export function postgresAvailable(): Promise<boolean> {
  return serviceAvailable(postgresService());
}

const postgresIsAvailable = await postgresAvailable();
if (!postgresIsAvailable) warnSkipped(postgresService());

/** Declares `describe(\`${name} [backend]\`)` once per backend; PostgreSQL skipped when unavailable. */
export function describeEachBackend(name: string, fn: (backend: Backend) => void): void {
  for (const backend of backends) {
    describe.skipIf(backend === "postgres" && !postgresIsAvailable)(`${name} [${backend}]`, () =>
      fn(backend),
    );
  }
}

/** Opens a fresh, migrated, isolated database on the backend. */
export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  return backend === "sqlite" ? openSqliteTestDatabase() : openPostgresTestDatabase();
}

async function openSqliteTestDatabase(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), "clearhub-test-"));
  let database: Database | undefined;
  try {
    database = openDatabase({ dataDir });
    await migrateToLatest(database);
  } catch (error) {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const opened = database;
  return {
    database: opened,
    databaseUrl: undefined,
    dataDir,
    async dispose() {
      try {
        await opened.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function openPostgresTestDatabase(): Promise<TestDatabase> {
  const baseUrl = postgresBaseUrl();
  const schema = `t_${randomBytes(8).toString("hex")}`;
  await withClient(baseUrl, async (client) => {
    await client.query(`create schema ${schema}`);
  });
  const dropSchema = () =>
    withClient(baseUrl, (client) => client.query(`drop schema if exists ${schema} cascade`));

  const databaseUrl = urlForSchema(baseUrl, schema);
  let database: Database | undefined;
  try {
    database = openDatabase({ databaseUrl });
    const rows = await database.kysely
      .selectNoFrom((eb) => eb.fn<string>("current_schema", []).as("schema"))
      .execute();
    const current = rows[0]?.schema;
    if (current !== schema) {
      throw new Error(
        `PostgreSQL ignored the options parameter of the test URL: current_schema() is ${String(current)}, expected ${schema}`,
      );
    }
    await migrateToLatest(database);
  } catch (error) {
    await database?.close();
    await dropSchema();
    throw error;
  }
  const opened = database;
  return {
    database: opened,
    databaseUrl,
    dataDir: undefined,
    async dispose() {
      try {
        await opened.close();
      } finally {
        await dropSchema();
      }
    },
  };
}
