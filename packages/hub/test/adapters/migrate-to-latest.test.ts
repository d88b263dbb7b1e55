/**
 * migrateToLatest: safe on every start, from several nodes at once, and undisturbed by other
 * schemas of the same PostgreSQL database being dropped meanwhile (Kysely's migrator introspects
 * every schema by name, so a schema vanishing mid-introspection failed it with 3F000).
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, migrateToLatest, openDatabase } from "../../src/adapters/store/database.ts";
import {
  describeEachBackend,
  openTestDatabase,
  postgresAvailable,
  postgresBaseUrl,
  type TestDatabase,
  urlForSchema,
} from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(backend: "sqlite" | "postgres"): Promise<TestDatabase> {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  return test;
}

async function migrationNames(database: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(database.kysely);
  return rows.map((row) => row.name);
}

describeEachBackend("migrateToLatest", (backend) => {
  it("leaves a current schema and its data as they are", async () => {
    const test = await open(backend);
    const migrated = await migrationNames(test.database);
    expect(migrated.length).toBeGreaterThan(0);
    await test.database.kysely
      .insertInto("participants")
      .values({ id: "p-1", name: "Bank One", kind: "bank", status: "active", created_at: 1n })
      .execute();
    await migrateToLatest(test.database);
    await migrateToLatest(test.database);
    expect(await migrationNames(test.database)).toEqual(migrated);
    const participants = await test.database.kysely
      .selectFrom("participants")
      .select("id")
      .execute();
    expect(participants.map((row) => row.id)).toEqual(["p-1"]);
    const head = await test.database.kysely.selectFrom("journal_head").selectAll().execute();
    expect(head).toHaveLength(1);
  });
});

const postgres = await postgresAvailable();

async function withClient<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresBaseUrl() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty schema and a database handle on it; removed after the test. */
async function emptySchema(): Promise<{ schema: string; url: string }> {
  const schema = `t_${randomBytes(8).toString("hex")}`;
  await withClient((client) => client.query(`create schema ${schema}`));
  cleanups.push(async () => {
    await withClient((client) => client.query(`drop schema if exists ${schema} cascade`));
  });
  return { schema, url: urlForSchema(postgresBaseUrl(), schema) };
}

function openOn(url: string): Database {
  const database = openDatabase({ databaseUrl: url, poolSizeMax: 2 });
  cleanups.push(() => database.close());
  return database;
}

describe.skipIf(!postgres)("migrateToLatest on a shared PostgreSQL database [postgres]", () => {
  it("migrates one fresh schema from several nodes at once", async () => {
    const { url } = await emptySchema();
    const nodes = Array.from({ length: 4 }, () => openOn(url));
    await Promise.all(nodes.map((node) => migrateToLatest(node)));
    const [first] = nodes as [Database];
    const names = await migrationNames(first);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
    const head = await first.kysely.selectFrom("journal_head").selectAll().execute();
    expect(head).toHaveLength(1);
  });

  it("migrates fresh and current schemas while other schemas are created and dropped", async () => {
    let churning = true;
    let churned = 0;
    const churn = withClient(async (client) => {
      while (churning) {
        const schema = `t_${randomBytes(8).toString("hex")}`;
        await client.query(`create schema ${schema}`);
        await client.query(`create table ${schema}.filler (id int)`);
        await client.query(`drop schema ${schema} cascade`);
        churned++;
        // About as often as a busy parallel test run drops its schemas; a tighter loop can fail
        // every one of migrateToLatest's attempts.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    try {
      const current = openOn((await emptySchema()).url);
      await migrateToLatest(current);
      for (let round = 0; round < 10; round++) {
        const fresh = openOn((await emptySchema()).url);
        await Promise.all([migrateToLatest(fresh), migrateToLatest(current)]);
        expect((await migrationNames(fresh)).length).toBeGreaterThan(0);
      }
    } finally {
      churning = false;
      await churn;
    }
    expect(churned).toBeGreaterThan(0);
  });
});
