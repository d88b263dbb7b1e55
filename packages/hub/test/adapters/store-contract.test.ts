/**
 * The storage ports' contract, run through the real adapters on both backends: LedgerStore
 * (SqliteLedgerStore or PostgresLedgerStore, as `createLedgerStore` picks) and
 * ParticipantStore (KyselyParticipantStore). Each test gets its own
 * freshly migrated store; the stores are built directly on it, so no operator exists unless a
 * test creates one.
 */
import { afterEach, expect, it } from "vitest";
import type { Database } from "../../src/adapters/store/database.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import type { AccountBalances, LedgerStore } from "../../src/app/ports/ledger-store.ts";
import type { NewAccount } from "../../src/app/ports/participant-store.ts";
import type { AccountKind } from "../../src/domain/ledger/account.ts";
import {
  applyBatch,
  type BatchOutcome,
  type LedgerSnapshot,
} from "../../src/domain/ledger/batch-engine.ts";
import { genesisHead, hashBatch } from "../../src/domain/ledger/journal.ts";
import type { TransferRequest } from "../../src/domain/ledger/transfer.ts";
import { amountMinorMax } from "../../src/domain/money/amount.ts";
import type { Participant } from "../../src/domain/participant/participant.ts";
import { createLedgerStore } from "../../src/hub.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";

interface Stores {
  readonly database: Database;
  readonly ledger: LedgerStore;
  readonly participants: KyselyParticipantStore;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStores(backend: Backend): Promise<Stores> {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  return {
    database: test.database,
    ledger: createLedgerStore(test.database),
    participants: new KyselyParticipantStore(test.database.kysely),
  };
}

function participant(id: string, overrides: Partial<Omit<Participant, "id">> = {}): Participant {
  return {
    id,
    name: `Name of ${id}`,
    kind: "bank",
    status: "active",
    createdAt: 1_000,
    ...overrides,
  };
}

function account(
  participantId: string,
  currency: string,
  kind: AccountKind,
  debitLimit: bigint | null = null,
): NewAccount {
  return { participantId, currency, kind, debitLimit };
}

function zeroBalances(
  id: number,
  participantId: string,
  currency: string,
  kind: AccountKind,
  debitLimit: bigint | null,
): AccountBalances {
  return {
    id,
    participantId,
    kind,
    currency,
    debitLimit,
    debitsPosted: 0n,
    creditsPosted: 0n,
    debitsPending: 0n,
    creditsPending: 0n,
  };
}

/** Fresh stores with two banks "pa" and "pb", each with one USD position account without a limit. */
async function openStoresWithTwoBanks(
  backend: Backend,
): Promise<Stores & { readonly pa: number; readonly pb: number }> {
  const stores = await openStores(backend);
  for (const id of ["pa", "pb"]) {
    expect(
      await stores.participants.createParticipant(participant(id), [
        account(id, "USD", "position"),
      ]),
    ).toBe(true);
  }
  const idOf = async (id: string) =>
    (await stores.participants.findAccount(id, "USD", "position"))?.id as number;
  return { ...stores, pa: await idOf("pa"), pb: await idOf("pb") };
}

/** Commits `requests` through the batch engine, as the group commit does. */
function commit(ledger: LedgerStore, requests: readonly TransferRequest[]): Promise<BatchOutcome> {
  return ledger.commitBatch(requests, (snapshot) => applyBatch(snapshot, requests));
}

type Balances = Pick<
  AccountBalances,
  "debitsPosted" | "creditsPosted" | "debitsPending" | "creditsPending"
>;

function balancesOf(accounts: readonly AccountBalances[], id: number): Balances {
  const found = accounts.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`account ${id} not read`);
  const { debitsPosted, creditsPosted, debitsPending, creditsPending } = found;
  return { debitsPosted, creditsPosted, debitsPending, creditsPending };
}

/** All four balances: those given, and zero for the others. */
function balances(nonZero: Partial<Balances>): Balances {
  return { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n, ...nonZero };
}

function posted(
  id: string,
  debitAccountId: number,
  creditAccountId: number,
  amount: bigint,
  extra: { readonly reference?: string; readonly linked?: boolean } = {},
): TransferRequest {
  return { kind: "posted", id, debitAccountId, creditAccountId, amount, currency: "USD", ...extra };
}

function pending(
  id: string,
  debitAccountId: number,
  creditAccountId: number,
  amount: bigint,
  timeoutMs: number,
): TransferRequest {
  return {
    kind: "pending",
    id,
    debitAccountId,
    creditAccountId,
    amount,
    currency: "USD",
    timeoutMs,
  };
}

describeEachBackend("storage port contract", (backend) => {
  it("createParticipant writes the participant with its accounts, and nothing on a duplicate id", async () => {
    const stores = await openStores(backend);
    const { participants, ledger } = stores;
    expect(await participants.findParticipant("bank-a")).toBeUndefined();
    expect(await participants.findOperator()).toBeUndefined();

    const bankA = participant("bank-a", {
      name: "Bank A",
      kind: "bank",
      createdAt: 1_700_000_000_123,
    });
    const created = await participants.createParticipant(bankA, [
      account("bank-a", "USD", "position", 500n),
      account("bank-a", "USD", "settlement", 0n),
      account("bank-a", "USD", "fee", null),
    ]);
    expect(created).toBe(true);
    expect(await participants.findParticipant("bank-a")).toEqual(bankA);

    const accounts = await participants.listAccounts("bank-a");
    const first = accounts[0]?.id as number;
    expect(first).toBeGreaterThan(0);
    expect(accounts).toEqual([
      zeroBalances(first, "bank-a", "USD", "position", 500n),
      zeroBalances(first + 1, "bank-a", "USD", "settlement", 0n),
      zeroBalances(first + 2, "bank-a", "USD", "fee", null),
    ]);

    // The same id again, with another name, kind, status and accounts: refused, nothing written.
    const again = await participants.createParticipant(
      participant("bank-a", {
        name: "Impostor",
        kind: "biller",
        status: "suspended",
        createdAt: 5,
      }),
      [account("bank-a", "EUR", "position", 1n), account("bank-a", "USD", "fee", 7n)],
    );
    expect(again).toBe(false);
    expect(await participants.findParticipant("bank-a")).toEqual(bankA);
    expect(await participants.listAccounts("bank-a")).toEqual(accounts);
    expect(await ledger.readAllAccounts()).toEqual(accounts);
    expect(await participants.listParticipants(10)).toEqual([bankA]);

    // A participant without accounts; findOperator finds only the operator kind.
    const operator = participant("operator", { kind: "operator", createdAt: 2 });
    expect(await participants.createParticipant(operator, [])).toBe(true);
    expect(await participants.listAccounts("operator")).toEqual([]);
    expect(await participants.findOperator()).toEqual(operator);
  });

  it("createParticipant is all or nothing when one of its accounts cannot be written", async () => {
    const { participants, ledger } = await openStores(backend);
    const duplicateAccounts = [
      account("bank-b", "USD", "position"),
      account("bank-b", "USD", "position"),
    ];
    await expect(
      participants.createParticipant(participant("bank-b"), duplicateAccounts),
    ).rejects.toThrow();
    expect(await participants.findParticipant("bank-b")).toBeUndefined();
    expect(await ledger.readAllAccounts()).toEqual([]);
    // The id is still free.
    expect(
      await participants.createParticipant(participant("bank-b"), [
        account("bank-b", "USD", "fee"),
      ]),
    ).toBe(true);
  });

  it("gives accounts increasing ids and keeps (participant, currency, kind) unique", async () => {
    const { participants, ledger, database } = await openStores(backend);
    expect(
      await participants.createParticipant(participant("pa"), [
        account("pa", "USD", "position", 100n),
        account("pa", "USD", "settlement", 0n),
      ]),
    ).toBe(true);
    expect(
      await participants.createParticipant(participant("pb"), [account("pb", "USD", "position")]),
    ).toBe(true);
    const before = await ledger.readAllAccounts();
    expect(before.map((a) => a.id)).toEqual([
      before[0]?.id,
      (before[0]?.id as number) + 1,
      (before[0]?.id as number) + 2,
    ]);
    const [paPosition, paSettlement, pbPosition] = before as [
      AccountBalances,
      AccountBalances,
      AccountBalances,
    ];

    // Existing (pa, USD, position) with another limit is kept as it was; the new ones are added.
    await participants.addAccounts([
      account("pa", "USD", "position", 999n),
      account("pa", "USD", "fee", null),
      account("pa", "EUR", "position", 5n),
    ]);
    const paAccounts = await participants.listAccounts("pa");
    expect(paAccounts.slice(0, 2)).toEqual([paPosition, paSettlement]);
    expect(paAccounts.slice(2).map((a) => [a.currency, a.kind, a.debitLimit])).toEqual([
      ["USD", "fee", null],
      ["EUR", "position", 5n],
    ]);
    const [, , usdFee, eurPosition] = paAccounts as AccountBalances[];
    expect(usdFee?.id).toBeGreaterThan(pbPosition.id);
    expect(eurPosition?.id).toBeGreaterThan(usdFee?.id as number);

    // Adding only existing accounts, or none, changes nothing.
    await participants.addAccounts([account("pa", "USD", "settlement", 123n)]);
    await participants.addAccounts([]);
    expect(await participants.listAccounts("pa")).toEqual(paAccounts);
    expect(await participants.listAccounts("pb")).toEqual([pbPosition]);

    // The database itself refuses a second (participant, currency, kind).
    await expect(
      database.kysely
        .insertInto("accounts")
        .values({
          participant_id: "pa",
          kind: "position",
          currency: "USD",
          debit_limit: null,
          debits_posted: 0n,
          credits_posted: 0n,
          debits_pending: 0n,
          credits_pending: 0n,
          created_at: 1n,
        })
        .execute(),
    ).rejects.toThrow();
    expect(await ledger.readAllAccounts()).toHaveLength(5);
  });

  it("findAccount, listAccounts and listParticipants with a cursor and a limit", async () => {
    const { participants } = await openStores(backend);
    const ids = ["p-c", "p-a", "p-e", "p-b", "p-d"];
    for (const [index, id] of ids.entries()) {
      expect(
        await participants.createParticipant(participant(id, { createdAt: 100 + index }), [
          account(id, "USD", "position", BigInt(index)),
          account(id, "USD", "fee"),
          account(id, "EUR", "position"),
        ]),
      ).toBe(true);
    }

    const usdPosition = await participants.findAccount("p-e", "USD", "position");
    expect(usdPosition).toMatchObject({
      participantId: "p-e",
      currency: "USD",
      kind: "position",
      debitLimit: 2n,
    });
    const eurPosition = await participants.findAccount("p-e", "EUR", "position");
    expect(eurPosition).toMatchObject({ participantId: "p-e", currency: "EUR", kind: "position" });
    expect(eurPosition?.id).not.toBe(usdPosition?.id);
    expect(await participants.findAccount("p-e", "EUR", "fee")).toBeUndefined();
    expect(await participants.findAccount("p-e", "GBP", "position")).toBeUndefined();
    expect(await participants.findAccount("p-z", "USD", "position")).toBeUndefined();

    const listed = await participants.listAccounts("p-e");
    expect(listed.map((a) => [a.currency, a.kind])).toEqual([
      ["USD", "position"],
      ["USD", "fee"],
      ["EUR", "position"],
    ]);
    expect(listed.every((a) => a.participantId === "p-e")).toBe(true);
    expect(listed[0]).toEqual(usdPosition);
    expect(await participants.listAccounts("p-z")).toEqual([]);

    const all = await participants.listParticipants(100);
    expect(all.map((p) => p.id)).toEqual(["p-a", "p-b", "p-c", "p-d", "p-e"]);
    expect(all.find((p) => p.id === "p-c")).toEqual(participant("p-c", { createdAt: 100 }));

    const page1 = await participants.listParticipants(2);
    expect(page1.map((p) => p.id)).toEqual(["p-a", "p-b"]);
    const page2 = await participants.listParticipants(2, page1.at(-1)?.id);
    expect(page2.map((p) => p.id)).toEqual(["p-c", "p-d"]);
    const page3 = await participants.listParticipants(2, page2.at(-1)?.id);
    expect(page3.map((p) => p.id)).toEqual(["p-e"]);
    expect(await participants.listParticipants(2, "p-e")).toEqual([]);
    // The cursor need not be an existing id.
    expect((await participants.listParticipants(10, "p-bb")).map((p) => p.id)).toEqual([
      "p-c",
      "p-d",
      "p-e",
    ]);
  });

  it("setStatus changes the status only if it still is the from-status", async () => {
    const { participants } = await openStores(backend);
    expect(await participants.createParticipant(participant("pa"), [])).toBe(true);

    expect(await participants.setStatus("pa", "active", "suspended")).toBe(true);
    expect((await participants.findParticipant("pa"))?.status).toBe("suspended");

    // A second change from "active" loses: the status is no longer what it expects.
    expect(await participants.setStatus("pa", "active", "terminated")).toBe(false);
    expect((await participants.findParticipant("pa"))?.status).toBe("suspended");

    expect(await participants.setStatus("pa", "suspended", "active")).toBe(true);
    expect(await participants.setStatus("pa", "active", "terminated")).toBe(true);
    expect(await participants.findParticipant("pa")).toEqual(
      participant("pa", { status: "terminated" }),
    );
    expect(await participants.setStatus("nobody", "active", "suspended")).toBe(false);
    expect(await participants.findParticipant("nobody")).toBeUndefined();
  });

  it("setDebitLimit sets and clears one account's limit, up to 2^63 - 1", async () => {
    const { participants, ledger, pa, pb } = await openStoresWithTwoBanks(backend);

    await participants.setDebitLimit(pa, 500n);
    expect((await participants.findAccount("pa", "USD", "position"))?.debitLimit).toBe(500n);
    expect((await participants.findAccount("pb", "USD", "position"))?.debitLimit).toBeNull();

    await participants.setDebitLimit(pa, amountMinorMax);
    const accounts = await ledger.readAllAccounts();
    expect(accounts.find((a) => a.id === pa)?.debitLimit).toBe(amountMinorMax);
    expect(accounts.find((a) => a.id === pb)?.debitLimit).toBeNull();

    await participants.setDebitLimit(pa, 0n);
    expect((await participants.findAccount("pa", "USD", "position"))?.debitLimit).toBe(0n);
    await participants.setDebitLimit(pa, null);
    expect((await participants.findAccount("pa", "USD", "position"))?.debitLimit).toBeNull();
  });

  it("commitBatch writes transfers, balances, the journal and open pendings", async () => {
    const { ledger, pa, pb } = await openStoresWithTwoBanks(backend);
    expect(await ledger.readJournalHead()).toEqual(genesisHead);
    expect(await ledger.readJournal(0, 10)).toEqual([]);

    const snapshots: {
      accountIds: number[];
      transferIds: string[];
      resolutions: [string, string][];
      head: { seq: number; hash: string };
    }[] = [];
    const commitObserved = (requests: readonly TransferRequest[]) =>
      ledger.commitBatch(requests, (snapshot: LedgerSnapshot) => {
        snapshots.push({
          accountIds: [...snapshot.accounts.keys()].sort((a, b) => a - b),
          transferIds: [...snapshot.transfers.keys()].sort(),
          resolutions: [...snapshot.resolutions.entries()],
          head: { ...snapshot.journalHead },
        });
        return applyBatch(snapshot, requests);
      });

    const before = Date.now();
    const first = await commitObserved([
      posted("p1", pa, pb, 100n, { reference: 'invoice 7 ü "quoted" | pipe' }),
      pending("h1", pa, pb, 30n, 60_000),
      pending("h2", pa, pb, 5n, 120_000),
    ]);
    expect(first.results).toEqual(["ok", "ok", "ok"]);
    expect(snapshots.at(-1)).toEqual({
      accountIds: [pa, pb],
      transferIds: [],
      resolutions: [],
      head: genesisHead,
    });
    const journal1 = first.journal;
    if (journal1 === null) throw new Error("first batch wrote no journal entry");
    expect(journal1).toMatchObject({ seq: 1, prevHash: genesisHead.hash, transferCount: 3 });
    const createdAt = journal1.createdAt;
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(Date.now());

    expect(await ledger.findTransfer("p1")).toEqual({
      id: "p1",
      kind: "posted",
      debitAccountId: pa,
      creditAccountId: pb,
      amount: 100n,
      currency: "USD",
      pendingId: null,
      timeoutMs: null,
      expiresAt: null,
      reference: 'invoice 7 ü "quoted" | pipe',
      linked: false,
      batchSeq: 1,
      batchIndex: 0,
      createdAt,
    });
    expect(await ledger.findTransfer("h2")).toEqual({
      id: "h2",
      kind: "pending",
      debitAccountId: pa,
      creditAccountId: pb,
      amount: 5n,
      currency: "USD",
      pendingId: null,
      timeoutMs: 120_000,
      expiresAt: createdAt + 120_000,
      reference: null,
      linked: false,
      batchSeq: 1,
      batchIndex: 2,
      createdAt,
    });
    expect(await ledger.findTransfer("nope")).toBeUndefined();
    expect(await ledger.readJournalHead()).toEqual({ seq: 1, hash: journal1.hash });
    expect(await ledger.readJournal(0, 10)).toEqual([journal1]);
    expect((await ledger.readOpenPendingIds()).sort()).toEqual(["h1", "h2"]);
    let accounts = await ledger.readAllAccounts();
    expect(balancesOf(accounts, pa)).toEqual(balances({ debitsPosted: 100n, debitsPending: 35n }));
    expect(balancesOf(accounts, pb)).toEqual(
      balances({ creditsPosted: 100n, creditsPending: 35n }),
    );
    expect(first.created).toEqual(await ledger.readTransfersOfBatches(1, 1));

    // Batch 2 resolves both pendings and posts a linked pair.
    const second = await commitObserved([
      { kind: "commit", id: "c1", pendingId: "h1" },
      { kind: "void", id: "v2", pendingId: "h2", reference: "cancelled" },
      posted("p2", pb, pa, 7n, { linked: true }),
      posted("p3", pa, pb, 3n),
    ]);
    expect(second.results).toEqual(["ok", "ok", "ok", "ok"]);
    // The store loaded the pendings the batch resolves, and their accounts.
    expect(snapshots.at(-1)).toEqual({
      accountIds: [pa, pb],
      transferIds: ["h1", "h2"],
      resolutions: [],
      head: { seq: 1, hash: journal1.hash },
    });
    const journal2 = second.journal;
    if (journal2 === null) throw new Error("second batch wrote no journal entry");
    expect(journal2).toMatchObject({ seq: 2, prevHash: journal1.hash, transferCount: 4 });
    expect(await ledger.findTransfer("c1")).toMatchObject({
      kind: "commit",
      pendingId: "h1",
      amount: 30n,
      debitAccountId: pa,
      creditAccountId: pb,
      batchSeq: 2,
      batchIndex: 0,
    });
    expect(await ledger.findTransfer("p2")).toMatchObject({ linked: true, batchIndex: 2 });
    expect(await ledger.readOpenPendingIds()).toEqual([]);
    expect(await ledger.readJournalHead()).toEqual({ seq: 2, hash: journal2.hash });
    accounts = await ledger.readAllAccounts();
    expect(balancesOf(accounts, pa)).toEqual(balances({ debitsPosted: 133n, creditsPosted: 7n }));
    expect(balancesOf(accounts, pb)).toEqual(balances({ debitsPosted: 7n, creditsPosted: 133n }));

    // Journal paging and transfers in journal order.
    expect(await ledger.readJournal(0, 10)).toEqual([journal1, journal2]);
    expect(await ledger.readJournal(0, 1)).toEqual([journal1]);
    expect(await ledger.readJournal(1, 10)).toEqual([journal2]);
    expect(await ledger.readJournal(2, 10)).toEqual([]);
    const all = await ledger.readTransfersOfBatches(1, 2);
    expect(all.map((t) => t.id)).toEqual(["p1", "h1", "h2", "c1", "v2", "p2", "p3"]);
    expect(all.map((t) => [t.batchSeq, t.batchIndex])).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
      [2, 3],
    ]);
    expect((await ledger.readTransfersOfBatches(2, 2)).map((t) => t.id)).toEqual([
      "c1",
      "v2",
      "p2",
      "p3",
    ]);
    expect(await ledger.readTransfersOfBatches(3, 9)).toEqual([]);
    // What is read back hashes to what the journal recorded: stored exactly as committed.
    expect(hashBatch(genesisHead.hash, 1, await ledger.readTransfersOfBatches(1, 1))).toBe(
      journal1.hash,
    );
    expect(hashBatch(journal1.hash, 2, await ledger.readTransfersOfBatches(2, 2))).toBe(
      journal2.hash,
    );

    // A second commit of h1 sees the stored resolution and writes nothing.
    const third = await commitObserved([{ kind: "commit", id: "c1-again", pendingId: "h1" }]);
    expect(third.results).toEqual(["already_committed"]);
    expect(third.journal).toBeNull();
    expect(snapshots.at(-1)?.resolutions).toEqual([["h1", "commit"]]);
    expect(await ledger.readJournalHead()).toEqual({ seq: 2, hash: journal2.hash });
    expect(await ledger.findTransfer("c1-again")).toBeUndefined();
  });

  it("commitBatch answers a retried id `exists` and writes only what is new", async () => {
    const { ledger, pa, pb } = await openStoresWithTwoBanks(backend);
    const first = await commit(ledger, [
      posted("t1", pa, pb, 10n),
      pending("t2", pa, pb, 4n, 60_000),
    ]);
    expect(first.results).toEqual(["ok", "ok"]);
    const accountsAfterFirst = await ledger.readAllAccounts();

    // Only retries: nothing to write, no journal entry.
    const retry = await commit(ledger, [posted("t1", pa, pb, 10n), posted("t2", pa, pb, 4n)]);
    expect(retry.results).toEqual(["exists", "exists_with_different_fields"]);
    expect(retry.journal).toBeNull();
    expect(await ledger.readJournalHead()).toEqual({ seq: 1, hash: first.journal?.hash });
    expect(await ledger.readAllAccounts()).toEqual(accountsAfterFirst);

    // A retry beside a new transfer: the new one is written alone.
    const mixed = await commit(ledger, [posted("t3", pb, pa, 2n), posted("t1", pa, pb, 10n)]);
    expect(mixed.results).toEqual(["ok", "exists"]);
    expect(mixed.journal).toMatchObject({ seq: 2, transferCount: 1 });
    expect((await ledger.readTransfersOfBatches(2, 2)).map((t) => t.id)).toEqual(["t3"]);
    expect(await ledger.findTransfer("t1")).toMatchObject({ batchSeq: 1, amount: 10n });
    const accounts = await ledger.readAllAccounts();
    expect(balancesOf(accounts, pa)).toEqual(
      balances({ debitsPosted: 10n, creditsPosted: 2n, debitsPending: 4n }),
    );

    // Every request failing writes nothing either.
    const failing = await commit(ledger, [posted("t4", pa, 999_999, 1n)]);
    expect(failing.results).toEqual(["account_not_found"]);
    expect(failing.journal).toBeNull();
    expect(await ledger.readJournalHead()).toEqual({ seq: 2, hash: mixed.journal?.hash });
    expect(await ledger.findTransfer("t4")).toBeUndefined();
  });

  it("commitBatch answers a retried reservation `exists` beside new transfers, small batch or large", async () => {
    const { ledger, pa, pb } = await openStoresWithTwoBanks(backend);
    await commit(ledger, [pending("p1", pa, pb, 4n, 60_000)]);
    // A reservation's id keys its open-reservation row too: the retry may collide there first.
    const small = await commit(ledger, [
      posted("s1", pa, pb, 1n),
      pending("p1", pa, pb, 4n, 60_000),
    ]);
    expect(small.results).toEqual(["ok", "exists"]);
    // Large batches stream their transfers in another way (COPY on PostgreSQL).
    const many = Array.from({ length: 300 }, (_, index) => posted(`m${index}`, pa, pb, 1n));
    const large = await commit(ledger, [...many, pending("p1", pa, pb, 4n, 60_000)]);
    expect(large.results).toEqual([...many.map(() => "ok"), "exists"]);
    expect(large.journal).toMatchObject({ seq: 3, transferCount: 300 });
    const again = await commit(ledger, [...many.slice(0, 2), posted("m300", pa, pb, 1n)]);
    expect(again.results).toEqual(["exists", "exists", "ok"]);
    expect(await ledger.readTransfersOfBatches(3, 3)).toHaveLength(300);
    expect(balancesOf(await ledger.readAllAccounts(), pa)).toEqual(
      balances({ debitsPosted: 302n, debitsPending: 4n }),
    );
    expect(await ledger.readOpenPendingIds()).toEqual(["p1"]);
  });

  it("commitBatch writes nothing when its apply callback throws", async () => {
    const { ledger, pa, pb } = await openStoresWithTwoBanks(backend);
    await commit(ledger, [posted("t1", pa, pb, 10n), pending("t2", pa, pb, 4n, 60_000)]);
    const head = await ledger.readJournalHead();
    const accounts = await ledger.readAllAccounts();
    const open = await ledger.readOpenPendingIds();

    const requests = [posted("t3", pa, pb, 1n), pending("t4", pa, pb, 2n, 60_000)];
    await expect(
      ledger.commitBatch(requests, (snapshot) => {
        // The engine has already changed the loaded balances when this fails.
        applyBatch(snapshot, requests);
        throw new Error("apply failed");
      }),
    ).rejects.toThrow("apply failed");

    expect(await ledger.readJournalHead()).toEqual(head);
    expect(await ledger.readAllAccounts()).toEqual(accounts);
    expect(await ledger.readOpenPendingIds()).toEqual(open);
    expect(await ledger.findTransfer("t3")).toBeUndefined();
    expect(await ledger.findTransfer("t4")).toBeUndefined();
    expect(await ledger.readJournal(0, 10)).toHaveLength(1);

    // The store is usable afterwards, and the same requests now commit as batch 2.
    const next = await commit(ledger, requests);
    expect(next.results).toEqual(["ok", "ok"]);
    expect(await ledger.readJournalHead()).toEqual({ seq: 2, hash: next.journal?.hash });
  });

  it("commitBatch writes nothing when its write fails part way", async () => {
    const { ledger, pa, pb } = await openStoresWithTwoBanks(backend);
    const first = await commit(ledger, [posted("t1", pa, pb, 10n)]);
    const head = await ledger.readJournalHead();
    const accounts = await ledger.readAllAccounts();

    // A valid outcome whose journal entry reuses seq 1: transfers, balances and open pendings
    // are written before the journal insert fails on its primary key.
    const requests = [posted("t2", pa, pb, 1n), pending("t3", pa, pb, 2n, 60_000)];
    await expect(
      ledger.commitBatch(requests, (snapshot) => {
        const outcome = applyBatch(snapshot, requests);
        return { ...outcome, journal: first.journal };
      }),
    ).rejects.toThrow();

    expect(await ledger.readJournalHead()).toEqual(head);
    expect(await ledger.readAllAccounts()).toEqual(accounts);
    expect(await ledger.readOpenPendingIds()).toEqual([]);
    expect(await ledger.findTransfer("t2")).toBeUndefined();
    expect(await ledger.findTransfer("t3")).toBeUndefined();
    expect(await ledger.readJournal(0, 10)).toEqual([first.journal]);
  });

  it("findExpiredPendingIds returns open pendings past their expiry, oldest first", async () => {
    const { ledger, pa, pb } = await openStoresWithTwoBanks(backend);
    await commit(ledger, [
      pending("a", pa, pb, 1n, 30_000),
      pending("b", pa, pb, 1n, 10_000),
      pending("c", pa, pb, 1n, 20_000),
      pending("d", pa, pb, 1n, 50_000),
      posted("p", pa, pb, 1n),
    ]);
    const expiresAt = async (id: string) => (await ledger.findTransfer(id))?.expiresAt as number;
    const [a, b, c, d] = [
      await expiresAt("a"),
      await expiresAt("b"),
      await expiresAt("c"),
      await expiresAt("d"),
    ];
    expect([b < c, c < a, a < d]).toEqual([true, true, true]);

    expect(await ledger.findExpiredPendingIds(b - 1, 10)).toEqual([]);
    // Expired at the instant itself, as the engine judges it.
    expect(await ledger.findExpiredPendingIds(b, 10)).toEqual(["b"]);
    expect(await ledger.findExpiredPendingIds(a, 10)).toEqual(["b", "c", "a"]);
    expect(await ledger.findExpiredPendingIds(d + 1, 10)).toEqual(["b", "c", "a", "d"]);
    expect(await ledger.findExpiredPendingIds(d + 1, 2)).toEqual(["b", "c"]);

    // A resolved pending is no longer open, even long past its expiry.
    const voided = await commit(ledger, [{ kind: "void", id: "void-c", pendingId: "c" }]);
    expect(voided.results).toEqual(["ok"]);
    expect(await ledger.findExpiredPendingIds(d + 1, 10)).toEqual(["b", "a", "d"]);
    expect(await ledger.findExpiredPendingIds(d + 1, 1)).toEqual(["b"]);
    expect((await ledger.readOpenPendingIds()).sort()).toEqual(["a", "b", "d"]);
  });

  it("round-trips amounts up to 2^63 - 1 exactly as bigint", async () => {
    const { ledger, participants, pa, pb } = await openStoresWithTwoBanks(backend);
    expect(
      await participants.createParticipant(participant("pc"), [account("pc", "USD", "position")]),
    ).toBe(true);
    const pc = (await participants.findAccount("pc", "USD", "position"))?.id as number;
    const aboveDoublePrecision = 2n ** 53n + 1n;

    const outcome = await commit(ledger, [
      posted("max", pa, pb, amountMinorMax),
      pending("max-pending", pb, pc, amountMinorMax, 60_000),
      posted("odd", pc, pa, aboveDoublePrecision),
    ]);
    expect(outcome.results).toEqual(["ok", "ok", "ok"]);
    expect((await ledger.findTransfer("max"))?.amount).toBe(amountMinorMax);
    expect((await ledger.findTransfer("max-pending"))?.amount).toBe(amountMinorMax);
    expect((await ledger.findTransfer("odd"))?.amount).toBe(aboveDoublePrecision);
    expect((await ledger.readTransfersOfBatches(1, 1)).map((t) => t.amount)).toEqual([
      amountMinorMax,
      amountMinorMax,
      aboveDoublePrecision,
    ]);
    let accounts = await ledger.readAllAccounts();
    expect(balancesOf(accounts, pa)).toEqual(
      balances({ debitsPosted: amountMinorMax, creditsPosted: aboveDoublePrecision }),
    );
    expect(balancesOf(accounts, pb)).toEqual(
      balances({ creditsPosted: amountMinorMax, debitsPending: amountMinorMax }),
    );

    // Committing the maximal pending moves it to posted, still exact.
    const committed = await commit(ledger, [
      { kind: "commit", id: "max-commit", pendingId: "max-pending" },
    ]);
    expect(committed.results).toEqual(["ok"]);
    accounts = await ledger.readAllAccounts();
    expect(balancesOf(accounts, pb)).toEqual(
      balances({ debitsPosted: amountMinorMax, creditsPosted: amountMinorMax }),
    );
    expect(balancesOf(accounts, pc)).toEqual(
      balances({ debitsPosted: aboveDoublePrecision, creditsPosted: amountMinorMax }),
    );
    // One more unit would not fit in the column: the engine refuses it, nothing is written.
    const overflow = await commit(ledger, [posted("over", pa, pc, 1n)]);
    expect(overflow.results).toEqual(["balance_overflow"]);
    expect(hashBatch(genesisHead.hash, 1, await ledger.readTransfersOfBatches(1, 1))).toBe(
      outcome.journal?.hash,
    );
  });
});
