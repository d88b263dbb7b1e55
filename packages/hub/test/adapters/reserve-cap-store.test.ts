/**
 * The store's re-set of reserve-following caps: the one SQL statement computes exactly what the
 * domain's `reserveCap` does, on both dialects, and concurrent movements of funds end with the
 * cap of the final balance.
 */
import fc from "fast-check";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, beforeEach, expect, it } from "vitest";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import type { ClearhubSchema } from "../../src/adapters/store/schema.ts";
import {
  accountAmountMax,
  reserveCap,
  reserveCapFactorBpsMax,
  reserveCapFactorBpsMin,
} from "../../src/domain/ledger/reserve-cap.ts";
import type { Hub } from "../../src/hub.ts";
import { describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";

describeEachBackend("reserve-following caps in the store", (backend) => {
  let test: TestHub;
  let hub: Hub;
  beforeEach(async () => {
    test = await openTestHub(backend);
    hub = test.hub;
    const registered = await hub.participants.register(
      {
        id: "bank-a",
        name: "Bank A",
        kind: "bank",
        currencies: [{ currency: "EUR", netDebitCap: 0n }],
      },
      testActor,
    );
    expect(registered.ok).toBe(true);
  });
  afterEach(async () => {
    await test.dispose();
  });

  const position = async () => {
    const account = await hub.participantStore.findAccount("bank-a", "EUR", "position");
    if (account === undefined) throw new Error("no position");
    return account;
  };
  const reserve = async () => {
    const account = await hub.participantStore.findAccount("bank-a", "EUR", "settlement");
    if (account === undefined) throw new Error("no settlement account");
    return account.creditsPosted - account.debitsPosted;
  };

  it("computes in SQL exactly the cap the domain does, up to the largest balances", async () => {
    const db = test.database.database.kysely;
    const store = new KyselyParticipantStore(db);
    const settlementId = (await hub.participantStore.findAccount("bank-a", "EUR", "settlement"))
      ?.id;
    const balance = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.bigInt({ min: 0n, max: accountAmountMax }),
      fc.bigInt({ min: accountAmountMax - 10n ** 7n, max: accountAmountMax }),
    );
    const factor = fc.oneof(
      fc.integer({ min: reserveCapFactorBpsMin, max: reserveCapFactorBpsMax }),
      fc.constantFrom(1, 9_999, 10_000, 10_001, 15_000, 999_999, 1_000_000),
    );
    await fc.assert(
      fc.asyncProperty(balance, factor, async (credits, factorBps) => {
        // Balances written directly: only the statement's arithmetic is under test here.
        await sql`update accounts set credits_posted = ${credits}, debits_posted = 0
          where id = ${settlementId}`.execute(db);
        await sql`delete from reserve_cap_rules`.execute(db);
        await sql`insert into reserve_cap_rules (participant_id, currency, factor_bps, set_at)
          values ('bank-a', 'EUR', ${factorBps}, 0)`.execute(db);
        const cap = await store.followReserve("bank-a", "EUR");
        expect(cap).toBe(reserveCap(credits, factorBps));
        expect((await position()).debitLimit).toBe(cap);
      }),
      { numRuns: 60 },
    );
  });

  it("changes nothing without a rule", async () => {
    await hub.funds.moveFunds(
      {
        transferId: "dep-1",
        participantId: "bank-a",
        direction: "in",
        currency: "EUR",
        amount: 500n,
      },
      testActor,
    );
    expect(await hub.participantStore.followReserve("bank-a", "EUR")).toBeUndefined();
    expect((await position()).debitLimit).toBe(0n);
  });

  it("ends concurrent deposits and withdrawals with the cap of the final balance", async () => {
    const set = await hub.funds.setReserveCap("bank-a", "EUR", 15_000, testActor);
    expect(set).toEqual({ ok: true, value: { factorBps: 15_000, netDebitCap: 0n } });
    for (let round = 0; round < 4; round++) {
      const movements = Array.from({ length: 24 }, (_, i) =>
        hub.funds.moveFunds(
          {
            transferId: `r${round}-${i}`,
            participantId: "bank-a",
            direction: i % 4 === 3 ? "out" : "in",
            currency: "EUR",
            amount: BigInt(101 + 37 * i + round),
          },
          testActor,
        ),
      );
      await Promise.all(movements);
      const final = await reserve();
      expect(final).toBeGreaterThan(0n);
      expect((await position()).debitLimit).toBe(reserveCap(final, 15_000));
    }
  });
});

describeEachBackend("reserve re-set racing a movement", (backend) => {
  it.skipIf(backend !== "postgres")(
    "waits for a movement holding the reserve's row and reads the balance it committed",
    async () => {
      const test = await openTestHub(backend);
      try {
        const { hub } = test;
        await hub.participants.register(
          {
            id: "bank-a",
            name: "Bank A",
            kind: "bank",
            currencies: [{ currency: "EUR", netDebitCap: 0n }],
          },
          testActor,
        );
        await hub.funds.setReserveCap("bank-a", "EUR", 20_000, testActor);
        const settlement = await hub.participantStore.findAccount("bank-a", "EUR", "settlement");
        // Another connection moves the funds and holds its row lock until it commits.
        const mover = new pg.Client({ connectionString: test.database.databaseUrl });
        await mover.connect();
        try {
          await mover.query("begin");
          await mover.query(
            "update accounts set credits_posted = credits_posted + 700 where id = $1",
            [settlement?.id],
          );
          const following = hub.participantStore.followReserve("bank-a", "EUR");
          await waitForLockWait(test.database.database.kysely);
          await mover.query("commit");
          expect(await following).toBe(1_400n);
        } finally {
          await mover.end();
        }
      } finally {
        await test.dispose();
      }
    },
  );
});

/** Until the re-set statement is seen waiting for a row lock (bounded: a few seconds at most). */
async function waitForLockWait(db: Kysely<ClearhubSchema>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rows } = await sql<{ waiting: string }>`
      select count(*)::text as waiting from pg_stat_activity
      where wait_event_type = 'Lock' and query like '%reserve_cap_rules%'
        and query not like '%pg_stat_activity%'`.execute(db);
    if (rows[0]?.waiting !== "0") return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the re-set never waited for the movement's lock");
}
