/**
 * Two hub nodes on one PostgreSQL schema: a commit whose pending another node writes while the
 * commit waits for the journal head lock. The pending did not exist when the commit's batch first
 * read it, so its accounts were not locked; after the head lock the batch must read it again and
 * load those accounts, and answer `ok` rather than `pending_not_found`.
 *
 * The interleaving is forced: a plain connection holds the journal head lock while node A's
 * pending and then node B's commit queue behind it, in that order (PostgreSQL grants a row lock to
 * its waiters first come, first served).
 *
 * PostgreSQL only: SQLite is one process, and its batches never interleave.
 */
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import type { TransferResultCode } from "../../src/domain/ledger/result-code.ts";
import { type Hub, openHub } from "../../src/hub.ts";
import { openTestDatabase, postgresAvailable } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("application_name", name);
  return parsed.toString();
}

/** Resolves once a session of the application waits for a lock; fails after 10 s. */
async function waitUntilBlocked(client: pg.Client, applicationName: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await client.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity
        where application_name = $1 and wait_event_type = 'Lock'`,
      [applicationName],
    );
    if ((rows[0]?.waiting ?? 0) > 0) return;
    if (Date.now() > deadline) throw new Error(`${applicationName} never waited for a lock`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const postgres = await postgresAvailable();

describe.skipIf(!postgres)("a pending written while a commit waits for the head [postgres]", () => {
  it("answers the commit ok and books it on the pending's accounts", async () => {
    const database = await openTestDatabase("postgres");
    cleanups.push(() => database.dispose());
    const databaseUrl = database.databaseUrl as string;
    const suffix = Math.random().toString(36).slice(2, 10);
    const nameA = `clearhub-test-a-${suffix}`;
    const nameB = `clearhub-test-b-${suffix}`;
    const open = async (applicationName: string): Promise<Hub> => {
      const hub = await openHub({
        databaseUrl: withApplicationName(databaseUrl, applicationName),
        expirePendings: false,
      });
      cleanups.push(() => hub.close());
      return hub;
    };
    const hubA = await open(nameA);
    const hubB = await open(nameB);

    for (const id of ["pa", "pb"]) {
      const currencies = [{ currency: "USD", netDebitCap: 100n }];
      expect(
        (await hubA.participants.register({ id, name: id, kind: "bank", currencies }, testActor))
          .ok,
      ).toBe(true);
    }
    const position = async (id: string) =>
      (await hubA.participantStore.findAccount(id, "USD", "position"))?.id as number;
    const pa = await position("pa");
    const pb = await position("pb");

    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    const watcher = new pg.Client({ connectionString: databaseUrl });
    await watcher.connect();
    cleanups.push(async () => {
      await holder.end();
      await watcher.end();
    });

    let pending: Promise<TransferResultCode> | undefined;
    let commit: Promise<TransferResultCode> | undefined;
    await holder.query("begin");
    try {
      await holder.query("select seq from journal_head where id = 1 for update");
      pending = hubA.ledger.submitOne({
        kind: "pending",
        id: "late",
        debitAccountId: pa,
        creditAccountId: pb,
        amount: 30n,
        currency: "USD",
        timeoutMs: 60_000,
      });
      await waitUntilBlocked(watcher, nameA);
      // B's batch reads "late" before the head lock: not there yet, so no account is locked.
      commit = hubB.ledger.submitOne({ kind: "commit", id: "late-commit", pendingId: "late" });
      await waitUntilBlocked(watcher, nameB);
    } finally {
      await holder.query("rollback");
    }
    expect(await pending).toBe("ok");
    expect(await commit).toBe("ok");

    const accounts = await hubB.ledgerStore.readAllAccounts();
    const balances = (id: number) => {
      const account = accounts.find((a) => a.id === id);
      return [
        account?.debitsPosted,
        account?.creditsPosted,
        account?.debitsPending,
        account?.creditsPending,
      ];
    };
    expect(balances(pa)).toEqual([30n, 0n, 0n, 0n]);
    expect(balances(pb)).toEqual([0n, 30n, 0n, 0n]);
    expect(await hubB.ledgerStore.readOpenPendingIds()).toEqual([]);
    expect((await hubB.ledgerStore.findTransfer("late-commit"))?.amount).toBe(30n);
    // A second resolution, from either node, sees the commit.
    expect(await hubA.ledger.submitOne({ kind: "void", id: "late-void", pendingId: "late" })).toBe(
      "already_committed",
    );
    const report = await verifyLedger(hubB.ledgerStore);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
