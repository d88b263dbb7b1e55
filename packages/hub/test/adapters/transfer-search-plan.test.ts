import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import { KyselyTransferSearchStore } from "../../src/adapters/store/kysely-transfer-search-store.ts";
import type { ClearhubSchema } from "../../src/adapters/store/schema.ts";
import type { TransferSearchFilter } from "../../src/app/ports/transfer-search-store.ts";
import { describeEachBackend, openTestDatabase, type TestDatabase } from "../support/backends.ts";

interface Captured {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/**
 * The plans of the operator's transfer search, read with EXPLAIN rather than timed: a search by
 * participant and time range must reach its rows through the transfer_details indexes, never
 * by scanning a table, so its cost follows the page size, not the ledger's size.
 */
describeEachBackend("transfer search query plans", (backend) => {
  let test: TestDatabase;
  let captured: Captured[];
  let store: KyselyTransferSearchStore;

  beforeEach(async () => {
    test = await openTestDatabase(backend);
    captured = [];
    const { database } = test;
    const dialect =
      database.sqlite !== null
        ? new SqliteDialect({ database: database.sqlite })
        : new PostgresDialect({
            pool: database.postgresPool as NonNullable<typeof database.postgresPool>,
          });
    // A second Kysely over the same connection, recording the statements the store sends.
    const recording = new Kysely<ClearhubSchema>({
      dialect,
      log: (event) => {
        if (event.level === "query") {
          captured.push({ sql: event.query.sql, parameters: event.query.parameters });
        }
      },
    });
    store = new KyselyTransferSearchStore(recording);
  });

  afterEach(async () => {
    await test.dispose();
  });

  async function plansOf(filter: TransferSearchFilter): Promise<string[]> {
    await store.search(filter, 50, { createdAt: Date.now(), transferId: "t-1" });
    expect(captured.length).toBeGreaterThan(0);
    return Promise.all(captured.map((statement) => explain(statement)));
  }

  async function explain(statement: Captured): Promise<string> {
    const { database } = test;
    if (database.sqlite !== null) {
      const rows = database.sqlite
        .prepare(`explain query plan ${statement.sql}`)
        .all(...(statement.parameters as unknown[])) as { detail: string }[];
      return rows.map((row) => row.detail).join("\n");
    }
    const client = await (
      database.postgresPool as NonNullable<typeof database.postgresPool>
    ).connect();
    try {
      // The test tables are empty, where a scan is cheapest: forbid it, to learn whether an
      // index can serve the query at all. A query no index serves still plans a scan.
      await client.query("set enable_seqscan = off");
      const result = await client.query(
        `explain ${statement.sql}`,
        statement.parameters.map((value) =>
          typeof value === "bigint" ? value.toString() : value,
        ) as unknown[],
      );
      return result.rows.map((row: Record<string, string>) => Object.values(row)[0]).join("\n");
    } finally {
      await client.query("reset enable_seqscan");
      client.release();
    }
  }

  it("searches by participant and time range through the details indexes, one per side", async () => {
    const plans = await plansOf({
      participantId: "bank-a",
      createdFrom: Date.now() - 3_600_000,
      createdBefore: Date.now(),
    });
    expect(plans).toHaveLength(2);
    const [payer, payee] = plans;
    expect(payer).toContain("transfer_details_payer_id_created_at");
    expect(payee).toContain("transfer_details_payee_id_created_at");
    for (const plan of plans) {
      expect(plan).not.toMatch(backend === "sqlite" ? /SCAN (d|t|r)\b/ : /Seq Scan/);
      // Resolutions are found through the unique index on pending_id, not by a scan.
      expect(plan).toContain("transfers_pending_id");
    }
  });

  it("keeps the participant's index with the other filters combined", async () => {
    const plans = await plansOf({
      participantId: "bank-a",
      counterpartyId: "bank-b",
      state: "committed",
      currency: "EUR",
      amountMin: 100n,
      reference: "inv-1",
    });
    // With both parties named, either side's index narrows to the pair.
    for (const plan of plans) {
      expect(plan).toMatch(/transfer_details_pay(er|ee)_id_created_at/);
      expect(plan).not.toMatch(backend === "sqlite" ? /SCAN (d|t|r)\b/ : /Seq Scan/);
    }
  });
});
