/**
 * Group commit on both backends: batching under concurrency, all-or-nothing storage failures,
 * callers' submissions kept whole, and linked chains kept within one caller's submission.
 */
import { afterEach, expect, it } from "vitest";
import {
  GroupCommit,
  type GroupCommitOptions,
  groupCommitDefaults,
} from "../../src/app/ledger/group-commit.ts";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import type { BatchApply, LedgerStore } from "../../src/app/ports/ledger-store.ts";
import type { BatchOutcome } from "../../src/domain/ledger/batch-engine.ts";
import type { TransferResultCode } from "../../src/domain/ledger/result-code.ts";
import type { PostingRequest, TransferRequest } from "../../src/domain/ledger/transfer.ts";
import type { Hub } from "../../src/hub.ts";
import { type Backend, describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub } from "../support/test-hub.ts";

interface Fixture {
  readonly hub: Hub;
  /** Batch sizes reported through `onBatch` since the fixture was set up. */
  readonly batches: number[];
  readonly storageErrors: unknown[];
  /** Account id of a participant's (pa, pb, pc) USD account of the kind. */
  account(participantId: string, kind: "position" | "settlement" | "fee"): number;
  readonly reconciliation: number;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One macrotask turn: lets anything already due (a flush, its `.finally`) run first. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function openFixture(
  backend: Backend,
  groupCommit: Partial<GroupCommitOptions> = {},
): Promise<Fixture> {
  const batches: number[] = [];
  const storageErrors: unknown[] = [];
  const { hub, dispose } = await openTestHub(backend, {
    groupCommit: {
      ...groupCommit,
      onBatch: (transfers) => batches.push(transfers),
      onStorageError: (error) => storageErrors.push(error),
    },
  });
  cleanups.push(dispose);
  const ids = new Map<string, number>();
  for (const id of ["pa", "pb", "pc"]) {
    const currencies = [{ currency: "USD", netDebitCap: 1_000n }];
    const registered = await hub.participants.register(
      { id, name: id, kind: "bank", currencies },
      testActor,
    );
    expect(registered.ok).toBe(true);
    for (const account of await hub.participantStore.listAccounts(id)) {
      ids.set(`${id}.${account.kind}`, account.id);
    }
  }
  const reconciliation = await hub.participantStore.findAccount(
    "operator",
    "USD",
    "reconciliation",
  );
  await settle();
  batches.length = 0;
  return {
    hub,
    batches,
    storageErrors,
    reconciliation: reconciliation?.id as number,
    account(participantId, kind) {
      const id = ids.get(`${participantId}.${kind}`);
      if (id === undefined) throw new Error(`no ${kind} account for ${participantId}`);
      return id;
    },
  };
}

function posted(
  f: Fixture,
  id: string,
  from: string,
  to: string,
  amount: bigint,
  extra: Partial<PostingRequest> = {},
): PostingRequest {
  return {
    kind: "posted",
    id,
    debitAccountId: f.account(from, "position"),
    creditAccountId: f.account(to, "position"),
    amount,
    currency: "USD",
    ...extra,
  };
}

function pending(
  f: Fixture,
  id: string,
  from: string,
  to: string,
  amount: bigint,
  linked = false,
): PostingRequest {
  return { ...posted(f, id, from, to, amount), kind: "pending", timeoutMs: 60_000, linked };
}

async function batchOf(hub: Hub, id: string): Promise<number | undefined> {
  return (await hub.ledgerStore.findTransfer(id))?.batchSeq;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A ledger store whose batch transaction fails in one of three ways; reads go to the real store. */
class FailingLedgerStore implements LedgerStore {
  constructor(
    private readonly inner: LedgerStore,
    private readonly mode: "rejects" | "throws" | "fails-after-apply",
  ) {}

  commitBatch(requests: readonly TransferRequest[], apply: BatchApply): Promise<BatchOutcome> {
    if (this.mode === "throws") throw new Error("connection lost (thrown)");
    if (this.mode === "rejects") return Promise.reject(new Error("connection lost (rejected)"));
    // The real transaction, with the engine run inside it, rolled back by a late failure.
    return this.inner.commitBatch(requests, (snapshot) => {
      apply(snapshot);
      throw new Error("commit failed after the batch was computed");
    });
  }
  findTransfer = (id: string) => this.inner.findTransfer(id);
  findExpiredPendingIds = (now: number, limit: number) =>
    this.inner.findExpiredPendingIds(now, limit);
  readJournal = (afterSeq: number, limit: number) => this.inner.readJournal(afterSeq, limit);
  readTransfersOfBatches = (fromSeq: number, toSeq: number) =>
    this.inner.readTransfersOfBatches(fromSeq, toSeq);
  readJournalHead = () => this.inner.readJournalHead();
  readAllAccounts = () => this.inner.readAllAccounts();
  readOpenPendingIds = () => this.inner.readOpenPendingIds();
}

/** Submits `bad` alongside another caller's plain transfer, so both share one batch. */
async function sharedBatch(
  f: Fixture,
  bad: TransferRequest,
): Promise<[TransferResultCode[], TransferResultCode[]]> {
  const [neighbour, suspect] = await Promise.all([
    f.hub.ledger.submit([posted(f, `neighbour-of-${bad.id}`, "pa", "pb", 1n)]),
    f.hub.ledger.submit([bad]),
  ]);
  return [neighbour, suspect];
}

describeEachBackend("group commit", (backend) => {
  it("gathers many concurrent submitOne calls into few batches and applies them all", async () => {
    const f = await openFixture(backend);
    const headBefore = await f.hub.ledgerStore.readJournalHead();
    const count = 300;
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        f.hub.ledger.submitOne(posted(f, `many-${i}`, "pa", "pb", 1n)),
      ),
    );
    expect(results).toEqual(Array(count).fill("ok"));
    expect(sum(f.batches)).toBe(count);
    expect(f.batches.length).toBeLessThanOrEqual(3);
    const head = await f.hub.ledgerStore.readJournalHead();
    expect(head.seq - headBefore.seq).toBe(f.batches.length);
    const accounts = await f.hub.ledgerStore.readAllAccounts();
    const pa = accounts.find((a) => a.id === f.account("pa", "position"));
    const pb = accounts.find((a) => a.id === f.account("pb", "position"));
    expect(pa?.debitsPosted).toBe(BigInt(count));
    expect(pb?.creditsPosted).toBe(BigInt(count));
    expect((await verifyLedger(f.hub.ledgerStore)).problems).toEqual([]);
  });

  it("cuts batches at batchSizeMax", async () => {
    const f = await openFixture(backend, { batchSizeMax: 16 });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        f.hub.ledger.submitOne(posted(f, `cut-${i}`, "pa", "pb", 1n)),
      ),
    );
    expect(results.every((code) => code === "ok")).toBe(true);
    expect(f.batches).toEqual([16, 16, 16, 16, 16, 16, 4]);
  });

  for (const mode of ["rejects", "throws", "fails-after-apply"] as const) {
    it(`answers storage_unavailable to every request and changes nothing when the store ${mode}`, async () => {
      const f = await openFixture(backend);
      await f.hub.ledger.submit([pending(f, "held", "pc", "pa", 5n)]);
      await settle();
      const errors: unknown[] = [];
      const failing = new GroupCommit(new FailingLedgerStore(f.hub.ledgerStore, mode), {
        ...groupCommitDefaults,
        onStorageError: (error) => errors.push(error),
      });
      const submissions: TransferRequest[][] = [
        [posted(f, "s-posted", "pa", "pb", 10n)],
        [pending(f, "s-pending", "pb", "pc", 3n)],
        [
          posted(f, "s-linked-1", "pa", "pc", 1n, { linked: true }),
          posted(f, "s-linked-2", "pc", "pb", 1n),
        ],
        [{ kind: "commit", id: "s-commit", pendingId: "held" }],
        [posted(f, "s-over-cap", "pa", "pb", 5_000n)],
        [{ ...posted(f, "x", "pa", "pb", 1n), id: "not valid!" }],
      ];
      const accountsBefore = await f.hub.ledgerStore.readAllAccounts();
      const headBefore = await f.hub.ledgerStore.readJournalHead();
      const openBefore = await f.hub.ledgerStore.readOpenPendingIds();

      const results = await Promise.all(submissions.map((requests) => failing.submit(requests)));

      expect(results).toEqual(
        submissions.map((requests) => requests.map(() => "storage_unavailable")),
      );
      expect(errors.length).toBeGreaterThan(0);
      expect(await f.hub.ledgerStore.readAllAccounts()).toEqual(accountsBefore);
      expect(await f.hub.ledgerStore.readJournalHead()).toEqual(headBefore);
      expect(await f.hub.ledgerStore.readOpenPendingIds()).toEqual(openBefore);
      for (const requests of submissions) {
        for (const request of requests) {
          expect(await f.hub.ledgerStore.findTransfer(request.id)).toBeUndefined();
        }
      }
      expect((await verifyLedger(f.hub.ledgerStore)).problems).toEqual([]);

      // Nothing was consumed: the same requests succeed once the store works.
      await settle();
      const retried = await Promise.all(
        submissions.map((requests) => f.hub.ledger.submit(requests)),
      );
      expect(retried).toEqual([
        ["ok"],
        ["ok"],
        ["ok", "ok"],
        ["ok"],
        ["exceeds_net_debit_cap"],
        ["id_invalid"],
      ]);
    });
  }

  it("never splits one caller's requests across batches", async () => {
    const f = await openFixture(backend, { batchSizeMax: 4 });
    const single = (i: number) => [posted(f, `single-${i}`, "pb", "pc", 1n)];
    const group: TransferRequest[] = [
      pending(f, "group-1", "pa", "pb", 7n, true),
      posted(f, "group-2", "pa", "pc", 2n, { linked: true }),
      { kind: "commit", id: "group-3", pendingId: "group-1" },
    ];
    const failingGroup: TransferRequest[] = [
      posted(f, "doomed-1", "pa", "pb", 1n, { linked: true }),
      posted(f, "doomed-2", "pb", "pa", 1n, { linked: true }),
      posted(f, "doomed-3", "pa", "pb", 5_000n),
    ];
    const submissions = [
      single(0),
      single(1),
      single(2),
      group,
      single(3),
      single(4),
      failingGroup,
      single(5),
      single(6),
      single(7),
    ];
    const results = await Promise.all(submissions.map((requests) => f.hub.ledger.submit(requests)));

    expect(results[3]).toEqual(["ok", "ok", "ok"]);
    expect(results[6]).toEqual([
      "linked_event_failed",
      "linked_event_failed",
      "exceeds_net_debit_cap",
    ]);
    for (const index of [0, 1, 2, 4, 5, 7, 8, 9]) expect(results[index]).toEqual(["ok"]);
    expect(f.batches.every((size) => size <= 4)).toBe(true);
    expect(sum(f.batches)).toBe(submissions.flat().length);

    // The group would not fit after the first three singles: it went whole into the next batch.
    const groupBatch = await batchOf(f.hub, "group-1");
    expect(await batchOf(f.hub, "group-2")).toBe(groupBatch);
    expect(await batchOf(f.hub, "group-3")).toBe(groupBatch);
    expect(await batchOf(f.hub, "single-2")).toBeLessThan(groupBatch as number);
    for (const request of failingGroup) {
      expect(await f.hub.ledgerStore.findTransfer(request.id)).toBeUndefined();
    }
    expect((await verifyLedger(f.hub.ledgerStore)).problems).toEqual([]);

    // A submission larger than a batch is refused outright.
    expect(() =>
      f.hub.ledger.submit([
        ...single(10),
        ...single(11),
        ...single(12),
        ...single(13),
        ...single(14),
      ]),
    ).toThrow(/at most 4/);
  });

  it("does not let an open linked chain at the end of a submission chain into another caller's", async () => {
    const f = await openFixture(backend);
    const first = await Promise.all([
      f.hub.ledger.submit([posted(f, "open-a", "pa", "pb", 1n, { linked: true })]),
      f.hub.ledger.submit([posted(f, "next-b", "pa", "pb", 1n)]),
    ]);
    expect(first).toEqual([["linked_event_chain_open"], ["ok"]]);
    expect(await f.hub.ledgerStore.findTransfer("open-a")).toBeUndefined();
    expect((await f.hub.ledgerStore.findTransfer("next-b"))?.linked).toBe(false);
    // The open chain never reached the store: the one batch carried only the other caller's transfer.
    expect(f.batches).toEqual([1]);

    await settle();
    const second = await Promise.all([
      f.hub.ledger.submit([
        posted(f, "head-c", "pa", "pb", 1n),
        posted(f, "open-d", "pa", "pb", 1n, { linked: true }),
        posted(f, "open-e", "pa", "pb", 1n, { linked: true }),
      ]),
      f.hub.ledger.submit([posted(f, "fails-f", "pa", "pb", 5_000n)]),
      f.hub.ledger.submit([
        posted(f, "group-g", "pc", "pb", 1n, { linked: true }),
        posted(f, "group-h", "pb", "pc", 1n),
      ]),
    ]);
    expect(second).toEqual([
      ["ok", "linked_event_failed", "linked_event_chain_open"],
      ["exceeds_net_debit_cap"],
      ["ok", "ok"],
    ]);
    for (const id of ["open-d", "open-e", "fails-f"]) {
      expect(await f.hub.ledgerStore.findTransfer(id)).toBeUndefined();
    }
    for (const id of ["head-c", "group-g", "group-h"]) {
      expect(await f.hub.ledgerStore.findTransfer(id)).toBeDefined();
    }
    expect((await verifyLedger(f.hub.ledgerStore)).problems).toEqual([]);
  });

  it("refuses an amount a 64-bit balance cannot hold, alone, as balance_overflow", async () => {
    const f = await openFixture(backend);
    // Fee accounts have no debit limit, so only the 64-bit bound can refuse these.
    const fee = (id: string, from: string, to: string, amount: bigint): TransferRequest => ({
      ...posted(f, id, from, to, amount),
      debitAccountId: f.account(from, "fee"),
      creditAccountId: f.account(to, "fee"),
    });
    // Refused alone: the caller sharing its batch is unaffected.
    expect(await sharedBatch(f, fee("huge", "pa", "pb", 2n ** 63n))).toEqual([
      ["ok"],
      ["balance_overflow"],
    ]);
    await settle();
    // The largest amount fits once; one more minor unit on the same side overflows.
    expect(await f.hub.ledger.submit([fee("largest", "pa", "pc", 2n ** 63n - 1n)])).toEqual(["ok"]);
    expect(await f.hub.ledger.submit([fee("one-more", "pb", "pc", 1n)])).toEqual([
      "balance_overflow",
    ]);
    expect((await verifyLedger(f.hub.ledgerStore)).problems).toEqual([]);
  });

  /**
   * Regression: a lost wake-up. flushAll() saw an empty queue and returned, but `flushing` was
   * cleared one microtask later, in `.finally`; a submission made in between (exactly what
   * `await submitOne(a); await submitOne(b)` or `await Promise.all([...]); submit(...)` does) was
   * queued while `flushing` was set, so nothing was scheduled and it was never answered (and
   * hub.close() spun forever in drain()).
   */
  /**
   * Idempotency outranks every state check, also in a batch that creates other transfers: a
   * stored id is answered `exists` or `exists_with_different_fields`, never the refusal the
   * request would get if it were new (a cap, an inactive participant), nor is it applied again.
   */
  it("answers a stored id as exists in a batch that also creates transfers", async () => {
    const f = await openFixture(backend);
    expect(await f.hub.ledger.submit([posted(f, "stored", "pa", "pb", 600n)])).toEqual(["ok"]);
    // Over pa's cap of 1 000 if it were applied again, or with its changed amount.
    expect(
      await f.hub.ledger.submit([
        posted(f, "stored", "pa", "pb", 600n),
        posted(f, "fresh-1", "pb", "pc", 1n),
        posted(f, "stored", "pa", "pb", 900n),
      ]),
    ).toEqual(["exists", "ok", "exists_with_different_fields"]);
    // A participant of the stored transfer is suspended now: still `exists`.
    expect((await f.hub.participants.changeStatus("pa", "suspended", testActor)).ok).toBe(true);
    expect(
      await f.hub.ledger.submit([
        posted(f, "fresh-2", "pb", "pc", 1n),
        posted(f, "stored", "pa", "pb", 600n),
        posted(f, "stored", "pa", "pb", 601n),
      ]),
    ).toEqual(["ok", "exists", "exists_with_different_fields"]);
    // The same from several callers sharing one batch.
    const [retry, neighbour] = await Promise.all([
      f.hub.ledger.submit([posted(f, "stored", "pa", "pb", 600n)]),
      f.hub.ledger.submit([posted(f, "fresh-3", "pb", "pc", 1n)]),
    ]);
    expect([retry, neighbour]).toEqual([["exists"], ["ok"]]);
    const pa = (await f.hub.ledgerStore.readAllAccounts()).find(
      (account) => account.id === f.account("pa", "position"),
    );
    expect(pa?.debitsPosted).toBe(600n);
    expect((await verifyLedger(f.hub.ledgerStore)).problems).toEqual([]);
  });

  it("answers a caller who submits again as soon as its previous answer arrives", async () => {
    const f = await openFixture(backend);
    const pendingAnswers: Promise<unknown>[] = [];
    const within = async <T>(promise: Promise<T>): Promise<T | "no answer within 2 s"> => {
      pendingAnswers.push(promise);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"no answer within 2 s">((resolve) => {
        timer = setTimeout(() => resolve("no answer within 2 s"), 2_000);
      });
      try {
        return await Promise.race([promise, late]);
      } finally {
        clearTimeout(timer);
      }
    };
    try {
      await f.hub.ledger.submitOne(posted(f, "first", "pa", "pb", 1n));
      // Submitted two microtask turns after the answer: submitOne's own await, then ours.
      expect(await within(f.hub.ledger.submitOne(posted(f, "second", "pa", "pb", 1n)))).toBe("ok");
      await Promise.all([
        f.hub.ledger.submit([posted(f, "fourth", "pa", "pb", 1n)]),
        f.hub.ledger.submit([posted(f, "fifth", "pa", "pb", 1n)]),
      ]);
      expect(await within(f.hub.ledger.submit([posted(f, "sixth", "pa", "pb", 1n)]))).toEqual([
        "ok",
      ]);
    } finally {
      // If a request was stranded, any later submission flushes it, so the hub can close.
      await settle();
      await f.hub.ledger.submitOne({ ...posted(f, "x", "pa", "pb", 1n), id: "not valid!" });
      await Promise.all(pendingAnswers);
    }
  });
});

/**
 * Regressions: a request the engine accepted but PostgreSQL could not write (an account id
 * beyond int4, a NUL in a reference) made the whole database transaction fail, so every caller
 * that shared its batch was answered `storage_unavailable`. Such a request is now answered on
 * its own, the same way on both backends, and its neighbours are applied.
 */
describeEachBackend("group commit with unwritable values", (backend) => {
  const unstorableIds: [string, number][] = [
    ["2^31", 2 ** 31],
    ["2^31 + 5", 2 ** 31 + 5],
    ["2^53", 2 ** 53],
    ["0", 0],
    ["-1", -1],
    ["1.5", 1.5],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ];

  for (const [name, id] of unstorableIds) {
    it(`answers account_not_found for account id ${name} and applies its neighbour`, async () => {
      const f = await openFixture(backend);
      const [debitNeighbour, debitSuspect] = await sharedBatch(f, {
        ...posted(f, "bad-debit", "pa", "pb", 1n),
        debitAccountId: id,
      });
      expect(debitSuspect).toEqual(["account_not_found"]);
      expect(debitNeighbour).toEqual(["ok"]);
      const [creditNeighbour, creditSuspect] = await sharedBatch(f, {
        ...posted(f, "bad-credit", "pa", "pb", 1n),
        creditAccountId: id,
      });
      expect(creditSuspect).toEqual(["account_not_found"]);
      expect(creditNeighbour).toEqual(["ok"]);
      expect(f.storageErrors).toEqual([]);
      expect(await f.hub.ledgerStore.findTransfer("bad-debit")).toBeUndefined();
      expect(await f.hub.ledgerStore.findTransfer("bad-credit")).toBeUndefined();
      expect((await verifyLedger(f.hub.ledgerStore)).problems).toEqual([]);
    });
  }

  it("answers account_not_found for the largest storable id that no account has", async () => {
    const f = await openFixture(backend);
    const [neighbour, suspect] = await sharedBatch(f, {
      ...posted(f, "max-id", "pa", "pb", 1n),
      creditAccountId: 2 ** 31 - 1,
    });
    expect(suspect).toEqual(["account_not_found"]);
    expect(neighbour).toEqual(["ok"]);
    expect(f.storageErrors).toEqual([]);
  });

  it("refuses a NUL character in a reference as reference_invalid, its neighbour applied", async () => {
    const f = await openFixture(backend);
    const [neighbour, suspect] = await sharedBatch(
      f,
      posted(f, "nul-ref", "pa", "pb", 1n, { reference: "a\u0000b" }),
    );
    expect(suspect).toEqual(["reference_invalid"]);
    expect(neighbour).toEqual(["ok"]);
    expect(f.storageErrors).toEqual([]);
    expect(await f.hub.ledgerStore.findTransfer("nul-ref")).toBeUndefined();
    expect((await verifyLedger(f.hub.ledgerStore)).problems).toEqual([]);
  });
});
