/**
 * verifyLedger on both backends: a ledger built through the hub (posted, pending, commit, void,
 * expiry) verifies clean; each kind of tampering with the stored rows, done behind the hub's
 * back with raw SQL on a fresh ledger, is reported as its specific problem. The `clearhub
 * verify` command is run as a real process on a clean and on a tampered ledger.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RawBuilder, sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { sqliteFileName } from "../../src/adapters/store/database.ts";
import { type VerifyReport, verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import type { TransferRequest } from "../../src/domain/ledger/transfer.ts";
import type { Hub } from "../../src/hub.ts";
import { type Backend, describeEachBackend, type TestDatabase } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const cliPath = fileURLToPath(new URL("../../bin/clearhub.mjs", import.meta.url));

interface Ledger {
  readonly hub: Hub;
  readonly database: TestDatabase;
  /** USD position account ids of the two banks. */
  readonly pa: number;
  readonly pb: number;
}

/** What the ledger built by `buildLedger` holds. */
const expected = { batches: 5, transfers: 8, accounts: 10 };

async function openLedgerHub(backend: Backend): Promise<TestHub> {
  const test = await openTestHub(backend);
  cleanups.push(test.dispose);
  return test;
}

async function submit(hub: Hub, requests: readonly TransferRequest[]): Promise<void> {
  expect(await hub.ledger.submit(requests)).toEqual(requests.map(() => "ok"));
}

/**
 * Five batches on two banks' USD positions (the operator's four USD accounts stay at zero):
 *   1. posted p1 100
 *   2. pending h1 40, h2 7 (60 s) and h3 5 (50 ms)
 *   3. commit of h1, void of h2
 *   4. expiry of h3, by the expiry job's sweep
 *   5. pending h4 9, left open
 * Ends with pa: debits posted 140, debits pending 9; pb: credits posted 140, credits pending 9.
 */
async function buildLedger(backend: Backend): Promise<Ledger> {
  const { hub, database } = await openLedgerHub(backend);
  for (const id of ["pa", "pb"]) {
    const registered = await hub.participants.register(
      {
        id,
        name: `Bank ${id}`,
        kind: "bank",
        currencies: [{ currency: "USD", netDebitCap: 1_000_000n }],
      },
      testActor,
    );
    expect(registered.ok).toBe(true);
  }
  const position = async (id: string) =>
    (await hub.participantStore.findAccount(id, "USD", "position"))?.id as number;
  const pa = await position("pa");
  const pb = await position("pb");
  const usd = { debitAccountId: pa, creditAccountId: pb, currency: "USD" } as const;

  await submit(hub, [{ kind: "posted", id: "p1", amount: 100n, ...usd }]);
  await submit(hub, [
    { kind: "pending", id: "h1", amount: 40n, timeoutMs: 60_000, ...usd },
    { kind: "pending", id: "h2", amount: 7n, timeoutMs: 60_000, ...usd },
    { kind: "pending", id: "h3", amount: 5n, timeoutMs: 50, ...usd },
  ]);
  await submit(hub, [
    { kind: "commit", id: "c1", pendingId: "h1" },
    { kind: "void", id: "v2", pendingId: "h2" },
  ]);
  const h3ExpiresAt = (await hub.ledgerStore.findTransfer("h3"))?.expiresAt as number;
  while (Date.now() <= h3ExpiresAt) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await hub.expiry.sweep()).toBe(1);
  expect(await hub.ledgerStore.findTransfer("~expire:h3")).toMatchObject({
    kind: "expire",
    pendingId: "h3",
    batchSeq: 4,
  });
  await submit(hub, [{ kind: "pending", id: "h4", amount: 9n, timeoutMs: 60_000, ...usd }]);
  expect(await hub.ledgerStore.readJournalHead()).toMatchObject({ seq: expected.batches });
  return { hub, database, pa, pb };
}

/** Builds the ledger, checks it verifies, applies `tamper`, and returns the new report. */
async function verifyAfter(
  backend: Backend,
  tamper: (ledger: Ledger) => Promise<unknown>,
): Promise<{ ledger: Ledger; report: VerifyReport }> {
  const ledger = await buildLedger(backend);
  expect((await verifyLedger(ledger.hub.ledgerStore)).ok).toBe(true);
  await tamper(ledger);
  const report = await verifyLedger(ledger.hub.ledgerStore);
  expect(report.ok).toBe(false);
  return { ledger, report };
}

function exec(ledger: Ledger, query: RawBuilder<unknown>): Promise<unknown> {
  return query.execute(ledger.hub.database.kysely);
}

function pa(ledger: Ledger): string {
  return `account ${ledger.pa} (pa position USD)`;
}

function pb(ledger: Ledger): string {
  return `account ${ledger.pb} (pb position USD)`;
}

/** A way of tampering with the ledger `buildLedger` builds, and what verifyLedger then reports. */
interface Tampering {
  /** The test's name. */
  readonly name: string;
  readonly tamper: (ledger: Ledger) => Promise<unknown>;
  /** The report's counts that differ from `expected`. */
  readonly counts?: Partial<typeof expected>;
  readonly problems: (ledger: Ledger) => string[];
}

const tamperings: Tampering[] = [
  {
    name: "reports a transfer whose amount was changed",
    tamper: (l) => exec(l, sql`update transfers set amount = ${101} where id = ${"p1"}`),
    problems: (l) => [
      "journal: batch 1 hash does not match its transfers",
      `${pa(l)}: debitsPosted is 140, transfers give 141`,
      `${pb(l)}: creditsPosted is 140, transfers give 141`,
    ],
  },
  {
    name: "reports a deleted transfer row",
    tamper: (l) => exec(l, sql`delete from transfers where id = ${"c1"}`),
    counts: { transfers: 7 },
    problems: (l) => [
      "journal: batch 3 lists 2 transfers, 1 are stored",
      "journal: batch 3 hash does not match its transfers",
      `${pa(l)}: debitsPosted is 140, transfers give 100`,
      `${pa(l)}: debitsPending is 9, transfers give 49`,
      `${pb(l)}: creditsPosted is 140, transfers give 100`,
      `${pb(l)}: creditsPending is 9, transfers give 49`,
      "pending h1 is open but missing from open_pendings",
    ],
  },
  {
    name: "reports an extra transfer row inserted into an existing batch",
    tamper: async (l) => {
      const p1 = await l.hub.ledgerStore.findTransfer("p1");
      await exec(
        l,
        sql`insert into transfers (id, kind, debit_account_id, credit_account_id, amount, currency,
              pending_id, timeout_ms, expires_at, reference, linked, batch_seq, batch_index, created_at)
            values (${"x1"}, ${"posted"}, ${l.pa}, ${l.pb}, ${50}, ${"USD"}, null, null, null, null,
              ${0}, ${1}, ${1}, ${p1?.createdAt as number})`,
      );
    },
    counts: { transfers: 9 },
    problems: (l) => [
      "journal: batch 1 lists 1 transfers, 2 are stored",
      "journal: batch 1 hash does not match its transfers",
      `${pa(l)}: debitsPosted is 140, transfers give 190`,
      `${pb(l)}: creditsPosted is 140, transfers give 190`,
    ],
  },
  {
    name: "reports account balances edited consistently (still summing to zero)",
    tamper: async (l) => {
      await exec(l, sql`update accounts set debits_posted = ${150} where id = ${l.pa}`);
      await exec(l, sql`update accounts set credits_posted = ${150} where id = ${l.pb}`);
    },
    problems: (l) => [
      `${pa(l)}: debitsPosted is 150, transfers give 140`,
      `${pb(l)}: creditsPosted is 150, transfers give 140`,
    ],
  },
  {
    name: "reports a currency whose balances no longer sum to zero",
    tamper: async (l) => {
      await exec(l, sql`update accounts set credits_posted = ${141} where id = ${l.pb}`);
      await exec(l, sql`update accounts set debits_pending = ${12} where id = ${l.pa}`);
    },
    problems: (l) => [
      `${pa(l)}: debitsPending is 12, transfers give 9`,
      `${pb(l)}: creditsPosted is 141, transfers give 140`,
      "USD: posted balances sum to -1, not zero",
      "USD: pending balances sum to 3, not zero",
    ],
  },
  {
    name: "reports an edited journal hash",
    tamper: (l) => exec(l, sql`update journal set hash = ${"f".repeat(64)} where seq = ${2}`),
    problems: () => [
      "journal: batch 2 hash does not match its transfers",
      "journal: batch 3 does not link to the batch before it",
    ],
  },
  {
    name: "reports an edited journal head",
    tamper: (l) => exec(l, sql`update journal_head set seq = ${4} where id = ${1}`),
    problems: () => ["journal: head says batch 4, the chain ends at 5"],
  },
  {
    name: "reports a journal entry dropped from the middle of the chain",
    tamper: (l) => exec(l, sql`delete from journal where seq = ${3}`),
    // Batch 3's transfers are not counted: no journal entry vouches for them.
    counts: { transfers: 6 },
    problems: (l) => [
      "journal: expected batch 3, found 4",
      "journal: batch 4 does not link to the batch before it",
      `${pa(l)}: debitsPosted is 140, transfers give 100`,
      `${pa(l)}: debitsPending is 9, transfers give 56`,
      `${pb(l)}: creditsPosted is 140, transfers give 100`,
      `${pb(l)}: creditsPending is 9, transfers give 56`,
      "pending h1 is open but missing from open_pendings",
      "pending h2 is open but missing from open_pendings",
    ],
  },
  {
    name: "reports the latest journal entry dropped",
    tamper: (l) => exec(l, sql`delete from journal where seq = ${5}`),
    counts: { batches: 4, transfers: 7 },
    problems: (l) => [
      "journal: head says batch 5, the chain ends at 4",
      `${pa(l)}: debitsPending is 9, transfers give 0`,
      `${pb(l)}: creditsPending is 9, transfers give 0`,
      "open_pendings lists h4, which is not open",
    ],
  },
  {
    name: "reports an open pending deleted from open_pendings",
    tamper: (l) => exec(l, sql`delete from open_pendings where transfer_id = ${"h4"}`),
    problems: () => ["pending h4 is open but missing from open_pendings"],
  },
  {
    name: "reports transfers referring to a deleted account",
    tamper: (l) => exec(l, sql`delete from accounts where id = ${l.pb}`),
    counts: { accounts: 9 },
    problems: (l) => [
      `transfers refer to account ${l.pb}, which does not exist`,
      "USD: posted balances sum to 140, not zero",
      "USD: pending balances sum to 9, not zero",
    ],
  },
];

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `clearhub verify` in a child process against the ledger's database. */
function runVerifyCli(database: TestDatabase, ...extra: string[]): Promise<CliRun> {
  const target =
    database.databaseUrl !== undefined
      ? ["--database-url", database.databaseUrl]
      : ["--data-dir", database.dataDir as string];
  const env = { ...process.env };
  // The defaults of --database-url and --data-dir must not point elsewhere.
  delete env.DATABASE_URL;
  delete env.CLEARHUB_DATA_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, "verify", ...target, ...extra], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describeEachBackend("verifyLedger", (backend) => {
  it("verifies an empty ledger", async () => {
    const { hub } = await openLedgerHub(backend);
    expect(await verifyLedger(hub.ledgerStore)).toEqual({
      ok: true,
      batches: 0,
      transfers: 0,
      accounts: 0,
      problems: [],
    });
  });

  it("verifies a ledger of posted, pending, committed, voided and expired transfers", async () => {
    const ledger = await buildLedger(backend);
    const progress: [number, number][] = [];
    const report = await verifyLedger(ledger.hub.ledgerStore, (checked, head) =>
      progress.push([checked, head]),
    );
    expect(report).toEqual({ ok: true, ...expected, problems: [] });
    expect(progress.at(-1)).toEqual([5, 5]);
    expect(await ledger.hub.ledgerStore.readOpenPendingIds()).toEqual(["h4"]);
    const accounts = await ledger.hub.ledgerStore.readAllAccounts();
    expect(accounts.find((a) => a.id === ledger.pa)).toMatchObject({
      debitsPosted: 140n,
      creditsPosted: 0n,
      debitsPending: 9n,
      creditsPending: 0n,
    });
    expect(accounts.find((a) => a.id === ledger.pb)).toMatchObject({
      debitsPosted: 0n,
      creditsPosted: 140n,
      debitsPending: 0n,
      creditsPending: 9n,
    });
  });

  for (const { name, tamper, counts, problems } of tamperings) {
    it(name, async () => {
      const { ledger, report } = await verifyAfter(backend, tamper);
      expect(report).toMatchObject({ ...expected, ...counts });
      expect(report.problems).toEqual(problems(ledger));
    });
  }

  it("reports bogus open_pendings rows", async () => {
    const { report } = await verifyAfter(backend, async (l) => {
      await exec(
        l,
        sql`insert into open_pendings (transfer_id, expires_at) values (${"ghost"}, ${1})`,
      );
      // A pending that was committed is not open any more.
      await exec(
        l,
        sql`insert into open_pendings (transfer_id, expires_at) values (${"h1"}, ${1})`,
      );
    });
    expect(report).toMatchObject(expected);
    expect([...report.problems].sort()).toEqual([
      "open_pendings lists ghost, which is not open",
      "open_pendings lists h1, which is not open",
    ]);
  });

  it("`clearhub verify` exits 0 on a clean ledger and 1, listing the problem, on a tampered one", async () => {
    const ledger = await buildLedger(backend);
    const location =
      backend === "sqlite"
        ? join(ledger.database.dataDir as string, sqliteFileName)
        : ledger.hub.database.location;

    const clean = await runVerifyCli(ledger.database);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout.startsWith("ledger verified")).toBe(true);
    expect(clean.stdout).toBe(
      `ledger verified: 5 batches, 8 transfers, 10 accounts at ${location}\nsettlement windows verified: 0 windows\naudit log verified: 2 entries\n`,
    );
    expect(clean.stderr).toContain("checked 5 / 5 batches");

    await exec(ledger, sql`update transfers set amount = ${101} where id = ${"p1"}`);
    const problems = [
      "journal: batch 1 hash does not match its transfers",
      `${pa(ledger)}: debitsPosted is 140, transfers give 141`,
      `${pb(ledger)}: creditsPosted is 140, transfers give 141`,
    ];
    const tampered = await runVerifyCli(ledger.database);
    expect(tampered.code, tampered.stderr).toBe(1);
    expect(tampered.stdout.split("\n")).toEqual([
      `LEDGER VERIFICATION FAILED: 5 batches, 8 transfers, 10 accounts at ${location}`,
      ...problems.map((problem) => `  - ${problem}`),
      "settlement windows verified: 0 windows",
      "audit log verified: 2 entries",
      "",
    ]);

    const json = await runVerifyCli(ledger.database, "--json");
    expect(json.code, json.stderr).toBe(1);
    const lines = json.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual({
      ok: false,
      ...expected,
      problems,
      settlement: { ok: true, windows: 0, problems: [] },
      audit: { ok: true, entries: 2, firstBroken: null },
    });
  });
});
