import { existsSync } from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Backend,
  backends,
  describeEachBackend,
  openTestDatabase,
  postgresBaseUrl,
  type TestDatabase,
  urlForSchema,
} from "./backends.ts";

const ledgerTables = [
  "participants",
  "accounts",
  "transfers",
  "open_pendings",
  "journal",
  "journal_head",
  "operator_tokens",
];

const opened: TestDatabase[] = [];

afterEach(async () => {
  for (const test of opened.splice(0)) await test.dispose();
});

async function open(backend: Backend): Promise<TestDatabase> {
  const test = await openTestDatabase(backend);
  opened.push(test);
  return test;
}

async function tableNames(test: TestDatabase): Promise<string[]> {
  if (test.database.dialect === "sqlite") {
    return (await test.database.kysely.introspection.getTables()).map((t) => t.name);
  }
  // Only the test's own schema counts: other tests' schemas live in the same database, and may be
  // dropped meanwhile, which Kysely's introspection of every schema does not survive.
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema()`.execute(test.database.kysely);
  return rows.map((row) => row.name);
}

describe("backends", () => {
  it("lists both backends", () => {
    expect(backends).toEqual(["sqlite", "postgres"]);
  });

  it("selects the schema through the libpq options parameter", () => {
    expect(urlForSchema("postgres://u:p@h:5432/db", "t_ab")).toBe(
      "postgres://u:p@h:5432/db?options=-c%20search_path%3Dt_ab",
    );
    expect(urlForSchema("postgres://u@h/db?sslmode=disable&options=x", "t_ab")).toBe(
      "postgres://u@h/db?sslmode=disable&options=-c%20search_path%3Dt_ab",
    );
  });
});

describeEachBackend("openTestDatabase", (backend) => {
  it("opens a migrated database with the ledger tables", async () => {
    const test = await open(backend);
    expect(test.database.dialect).toBe(backend);
    expect(await tableNames(test)).toEqual(expect.arrayContaining(ledgerTables));
    const head = await test.database.kysely.selectFrom("journal_head").selectAll().execute();
    expect(head).toHaveLength(1);
    if (backend === "sqlite") {
      expect(test.dataDir).toBeTypeOf("string");
      expect(test.databaseUrl).toBeUndefined();
    } else {
      expect(test.databaseUrl).toMatch(/options=-c%20search_path%3Dt_[0-9a-f]{16}$/);
      expect(test.dataDir).toBeUndefined();
    }
  });

  it("gives each test its own empty database", async () => {
    const first = await open(backend);
    const second = await open(backend);
    await first.database.kysely
      .insertInto("participants")
      .values({ id: "p-1", name: "Bank One", kind: "bank", status: "active", created_at: 1n })
      .execute();

    const inFirst = await first.database.kysely.selectFrom("participants").select("id").execute();
    const inSecond = await second.database.kysely.selectFrom("participants").select("id").execute();
    expect(inFirst.map((row) => row.id)).toEqual(["p-1"]);
    expect(inSecond).toEqual([]);
  });

  it("removes the database on dispose", async () => {
    const test = await openTestDatabase(backend);
    await test.dispose();
    if (backend === "sqlite") {
      expect(existsSync(test.dataDir as string)).toBe(false);
    } else {
      const schema = /search_path%3D(t_[0-9a-f]+)/.exec(test.databaseUrl as string)?.[1];
      const client = new pg.Client({ connectionString: postgresBaseUrl() });
      await client.connect();
      try {
        const found = await client.query("select 1 from pg_namespace where nspname = $1", [schema]);
        expect(found.rowCount).toBe(0);
      } finally {
        await client.end();
      }
    }
  });
});
