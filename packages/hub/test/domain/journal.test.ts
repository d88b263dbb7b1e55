import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalTransfer,
  genesisHead,
  hashBatch,
  type JournalHead,
  nextJournalEntry,
} from "../../src/domain/ledger/journal.ts";
import type { StoredTransfer } from "../../src/domain/ledger/transfer.ts";

const prevHash = "ab".repeat(32);

function transfer(overrides: Partial<StoredTransfer> = {}): StoredTransfer {
  return {
    id: "t-1",
    kind: "pending",
    debitAccountId: 1,
    creditAccountId: 2,
    amount: 1230n,
    currency: "CNY",
    pendingId: null,
    timeoutMs: 60_000,
    expiresAt: 1_700_000_060_000,
    reference: "invoice 7",
    linked: false,
    batchSeq: 7,
    batchIndex: 0,
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

const batch: readonly StoredTransfer[] = [
  transfer(),
  transfer({
    id: "t-2",
    kind: "commit",
    pendingId: "t-1",
    timeoutMs: null,
    expiresAt: null,
    reference: null,
    linked: true,
    batchIndex: 1,
  }),
  transfer({
    id: "t-3",
    kind: "posted",
    debitAccountId: 3,
    creditAccountId: 4,
    amount: 5n,
    timeoutMs: null,
    expiresAt: null,
    batchIndex: 2,
  }),
];

/**
 * For every field of a stored transfer, values that differ from each other and from every
 * value the batch above holds. Typed as a complete record so a new field must be listed here.
 */
const alternatives: { readonly [K in keyof StoredTransfer]-?: readonly StoredTransfer[K][] } = {
  id: ["t-9", "t-1 ", "T-1"],
  kind: ["posted", "pending", "commit", "void", "expire"],
  debitAccountId: [9, 0, -1],
  creditAccountId: [9, 0, -1],
  amount: [1231n, 1n, 2n ** 63n - 1n, 2n ** 63n - 2n],
  currency: ["USD", "cny", ""],
  pendingId: [null, "t-9", "", "null"],
  timeoutMs: [null, 1, 60_001],
  expiresAt: [null, 0, 1_700_000_060_001],
  reference: [null, "", "null", "invoice 8"],
  linked: [true, false],
  batchSeq: [8, 0, 6],
  batchIndex: [0, 1, 2, 3],
  createdAt: [1_700_000_000_001, 0],
};

function withField<K extends keyof StoredTransfer>(
  original: StoredTransfer,
  key: K,
  value: StoredTransfer[K],
): StoredTransfer {
  return { ...original, [key]: value };
}

describe("hashBatch", () => {
  const base = hashBatch(prevHash, 7, batch);

  it("is a deterministic 64-digit hex SHA-256", () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(
      hashBatch(
        prevHash,
        7,
        batch.map((t) => ({ ...t })),
      ),
    ).toBe(base);
  });

  it("hashes the previous hash, the sequence and one canonical line per transfer", () => {
    const text = `${prevHash}\n7\n${batch.map((t) => `${canonicalTransfer(t)}\n`).join("")}`;
    expect(base).toBe(createHash("sha256").update(text).digest("hex"));
  });

  it("writes every field into a transfer's canonical form, amounts as exact decimal strings", () => {
    expect(canonicalTransfer(transfer({ amount: 2n ** 63n - 1n }))).toBe(
      't-1|pending|1|2|9223372036854775807|CNY|null|60000|1700000060000|"invoice 7"|0|7|0|1700000000000',
    );
  });

  it("keeps a missing pending id distinct from any id, and quotes free text", () => {
    const withPending = canonicalTransfer(transfer({ pendingId: "null" }));
    expect(withPending).not.toBe(canonicalTransfer(transfer({ pendingId: null })));
    expect(canonicalTransfer(transfer({ reference: 'a|b"c' }))).toContain('|"a|b\\"c"|');
  });

  const fieldChanges = batch.flatMap((original, position) =>
    (Object.keys(alternatives) as (keyof StoredTransfer)[]).flatMap((key) =>
      (alternatives[key] as readonly StoredTransfer[typeof key][])
        .filter((value) => value !== original[key])
        .map((value) => [position, key, value] as const),
    ),
  );

  it("covers every field of StoredTransfer", () => {
    expect(Object.keys(alternatives).sort()).toEqual(Object.keys(transfer()).sort());
    for (const position of [0, 1, 2]) {
      const keys = new Set(fieldChanges.filter(([p]) => p === position).map(([, key]) => key));
      expect(keys.size).toBe(Object.keys(alternatives).length);
    }
  });

  it.each(fieldChanges)("changes when transfer %i's %s becomes %s", (position, key, value) => {
    const changed = batch.map((t, index) => (index === position ? withField(t, key, value) : t));
    expect(hashBatch(prevHash, 7, changed)).not.toBe(base);
  });

  it("gives every single-field change its own hash", () => {
    const hashes = new Set(
      fieldChanges.map(([position, key, value]) =>
        hashBatch(
          prevHash,
          7,
          batch.map((t, index) => (index === position ? withField(t, key, value) : t)),
        ),
      ),
    );
    expect(hashes.size).toBe(fieldChanges.length);
    expect(hashes.has(base)).toBe(false);
  });

  it.each([
    ["swapping the first two", [1, 0, 2]],
    ["swapping the last two", [0, 2, 1]],
    ["reversing", [2, 1, 0]],
    ["rotating", [1, 2, 0]],
  ] as const)("changes when the order changes (%s)", (_name, order) => {
    expect(
      hashBatch(
        prevHash,
        7,
        order.map((index) => batch[index] as StoredTransfer),
      ),
    ).not.toBe(base);
  });

  it("changes when a transfer is dropped, duplicated or added", () => {
    expect(hashBatch(prevHash, 7, batch.slice(0, 2))).not.toBe(base);
    expect(hashBatch(prevHash, 7, batch.slice(1))).not.toBe(base);
    expect(hashBatch(prevHash, 7, [...batch, batch[2] as StoredTransfer])).not.toBe(base);
    expect(hashBatch(prevHash, 7, [])).not.toBe(base);
  });

  it.each(["cd".repeat(32), "0".repeat(64), `${"ab".repeat(31)}ac`, prevHash.toUpperCase()])(
    "changes when prevHash is %s",
    (other) => {
      expect(hashBatch(other, 7, batch)).not.toBe(base);
    },
  );

  it.each([6, 8, 0, 70, 17])("changes when seq is %i", (seq) => {
    expect(hashBatch(prevHash, seq, batch)).not.toBe(base);
  });

  it("hashes an empty batch by its prevHash and seq alone", () => {
    expect(hashBatch(prevHash, 7, [])).toBe(
      createHash("sha256").update(`${prevHash}\n7\n`).digest("hex"),
    );
  });
});

describe("nextJournalEntry", () => {
  it("starts from the genesis head", () => {
    expect(genesisHead).toEqual({ seq: 0, hash: "0".repeat(64) });
    const first = [transfer({ batchSeq: 1 })];
    expect(nextJournalEntry(genesisHead, first, 1_000)).toEqual({
      seq: 1,
      prevHash: genesisHead.hash,
      hash: hashBatch(genesisHead.hash, 1, first),
      transferCount: 1,
      createdAt: 1_000,
    });
  });

  it("chains each entry to the one before it", () => {
    const batches = [1, 2, 3, 4].map((seq) => [
      transfer({ id: `a-${seq}`, batchSeq: seq }),
      transfer({ id: `b-${seq}`, batchSeq: seq, batchIndex: 1 }),
    ]);
    let head: JournalHead = genesisHead;
    const entries = batches.map((transfers, index) => {
      const entry = nextJournalEntry(head, transfers, 1_000 + index);
      head = { seq: entry.seq, hash: entry.hash };
      return entry;
    });
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
    expect(entries.map((entry) => entry.transferCount)).toEqual([2, 2, 2, 2]);
    expect(entries.map((entry) => entry.createdAt)).toEqual([1_000, 1_001, 1_002, 1_003]);
    expect(entries[0]?.prevHash).toBe(genesisHead.hash);
    for (let index = 1; index < entries.length; index++) {
      expect(entries[index]?.prevHash).toBe(entries[index - 1]?.hash);
    }
    entries.forEach((entry, index) => {
      expect(entry.hash).toBe(hashBatch(entry.prevHash, entry.seq, batches[index] ?? []));
    });
    expect(new Set(entries.map((entry) => entry.hash)).size).toBe(entries.length);
  });

  it("breaks every later hash when an earlier batch is edited", () => {
    const first = [transfer({ batchSeq: 1 })];
    const second = [transfer({ id: "t-2", batchSeq: 2 })];
    const e1 = nextJournalEntry(genesisHead, first, 1);
    const e2 = nextJournalEntry({ seq: e1.seq, hash: e1.hash }, second, 2);
    const edited = [transfer({ batchSeq: 1, amount: 1231n })];
    const f1 = nextJournalEntry(genesisHead, edited, 1);
    const f2 = nextJournalEntry({ seq: f1.seq, hash: f1.hash }, second, 2);
    expect(f1.hash).not.toBe(e1.hash);
    expect(f2.prevHash).not.toBe(e2.prevHash);
    expect(f2.hash).not.toBe(e2.hash);
  });

  it("counts no transfers for an empty batch and still advances seq", () => {
    const head: JournalHead = { seq: 41, hash: prevHash };
    expect(nextJournalEntry(head, [], 5)).toEqual({
      seq: 42,
      prevHash,
      hash: hashBatch(prevHash, 42, []),
      transferCount: 0,
      createdAt: 5,
    });
  });
});
