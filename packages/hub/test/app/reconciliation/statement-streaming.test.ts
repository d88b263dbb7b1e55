import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { KyselyStatementStore } from "../../../src/adapters/store/kysely-statement-store.ts";
import { statementCsv } from "../../../src/app/reconciliation/statement-csv.ts";
import { hubActor } from "../../../src/domain/audit/audit-actor.ts";
import type { StatementRow } from "../../../src/domain/reconciliation/statement-row.ts";
import { describeEachBackend } from "../../support/backends.ts";
import { openTestHub, type TestHub } from "../../support/test-hub.ts";

function row(index: number): StatementRow {
  return {
    hubTransactionId: `t-${index}`,
    participantReference: `ref, "quoted" ${index}`,
    type: "transfer",
    counterpartyId: "other",
    amountMinor: -1234n,
    currency: "CNY",
    feeMinor: 0n,
    status: "completed",
    windowId: null,
    createdAt: 0,
    updatedAt: 0,
  };
}

it("writes a statement page by page, reading no page before the reader asks", async () => {
  const pageSize = 1000;
  const pagesMax = 10_000; // ten million rows, were they all read
  let pulled = 0;
  const pages = (async function* () {
    for (let page = 0; page < pagesMax; page++) {
      pulled++;
      yield Array.from({ length: pageSize }, (_, i) => row(page * pageSize + i));
    }
  })();
  const csv = statementCsv(pages);
  const chunks: string[] = [];
  for await (const chunk of csv) {
    chunks.push(String(chunk));
    if (chunks.length === 3) break;
  }
  // The header, then two pages read; back-pressure holds the rest in the store.
  expect(pulled).toBeLessThanOrEqual(4);
  expect(chunks[1]?.split("\r\n")[0]).toBe(
    't-0,"ref, ""quoted"" 0",transfer,other,-12.34,CNY,0.00,completed,,1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z',
  );
});

describeEachBackend("statement pages", (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await openTestHub(backend);
  });
  afterAll(() => t.dispose());

  it("reads both sides of a participant's day in order, in pages no larger than asked", async () => {
    const register = async (id: string) => {
      const registered = await t.hub.participants.register(
        { id, name: id, kind: "bank", currencies: [{ currency: "CNY", netDebitCap: 10n ** 9n }] },
        hubActor,
      );
      if (!registered.ok) throw new Error(registered.code);
      return registered.value;
    };
    const self = await register("pages-self");
    const other = await register("pages-other");
    for (let i = 0; i < 23; i++) {
      const [payer, payee] = i % 2 === 0 ? [self, other] : [other, self];
      const id = `p-${String(i).padStart(2, "0")}`;
      await t.hub.participantTransfers.create(payer, [
        {
          id,
          payeeId: payee.id,
          amount: 100n,
          currency: "CNY",
          requestHash: createHash("sha256").update(id).digest("hex"),
        },
      ]);
    }
    const store = new KyselyStatementStore(t.hub.database.kysely);
    const sizes: number[] = [];
    const rows: StatementRow[] = [];
    for await (const page of store.pages(
      { participantId: self.id, fromMs: 0, toMs: Date.now() + 1000 },
      5,
    )) {
      sizes.push(page.length);
      rows.push(...page);
    }
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    const order = rows.map((r) => [r.createdAt, r.hubTransactionId] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    expect(new Set(rows.map((r) => r.hubTransactionId)).size).toBe(23);
    expect(rows.filter((r) => r.amountMinor < 0n)).toHaveLength(12);
  });
});
