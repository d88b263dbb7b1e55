import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AccountKind, type AccountState, exposure } from "../../src/domain/ledger/account.ts";
import {
  applyBatch,
  type BatchOutcome,
  batchSizeMax,
  type LedgerSnapshot,
} from "../../src/domain/ledger/batch-engine.ts";
import { hashBatch, type JournalHead } from "../../src/domain/ledger/journal.ts";
import {
  type TransferResultCode,
  transferResultCodes,
} from "../../src/domain/ledger/result-code.ts";
import {
  expiryTransferId,
  type PostingRequest,
  pendingTimeoutMsMax,
  type ResolutionRequest,
  type StoredTransfer,
  type TransferKind,
  type TransferRequest,
} from "../../src/domain/ledger/transfer.ts";
import { amountMinorMax } from "../../src/domain/money/amount.ts";

// ---------------------------------------------------------------------------------------------
// Fixture
// ---------------------------------------------------------------------------------------------

const now = 1_700_000_000_000;
const cap = 10_000n;
const head: JournalHead = { seq: 41, hash: "ab".repeat(32) };

/** Account ids. `missing` is never loaded. */
const posA = 1; // position of participant pa (active), limit = net debit cap
const posB = 2; // position of participant pb (active), limit = net debit cap
const setA = 3; // settlement of pa, limit 0, 5 000 deposited
const recon = 4; // the hub's reconciliation account, no limit
const posSus = 5; // position of participant pc (suspended)
const posUsd = 6; // position of participant pd, in USD
const setB = 7; // settlement of pb, limit 0, nothing deposited
const missing = 99;

interface Balances {
  dp: bigint;
  cp: bigint;
  dpend: bigint;
  cpend: bigint;
}

function account(
  id: number,
  participantId: string,
  kind: AccountKind,
  debitLimit: bigint | null,
  balances: Partial<Balances> = {},
  options: { currency?: string; active?: boolean } = {},
): AccountState {
  return {
    id,
    participantId,
    kind,
    currency: options.currency ?? "CNY",
    participantActive: options.active ?? true,
    debitLimit,
    debitsPosted: balances.dp ?? 0n,
    creditsPosted: balances.cp ?? 0n,
    debitsPending: balances.dpend ?? 0n,
    creditsPending: balances.cpend ?? 0n,
  };
}

function stored(
  fields: Partial<StoredTransfer> & Pick<StoredTransfer, "id" | "kind">,
): StoredTransfer {
  return {
    debitAccountId: posA,
    creditAccountId: posB,
    amount: 1n,
    currency: "CNY",
    pendingId: null,
    timeoutMs: null,
    expiresAt: null,
    reference: null,
    linked: false,
    batchSeq: 40,
    batchIndex: 0,
    createdAt: now - 10_000,
    ...fields,
  };
}

function storedPending(
  id: string,
  amount: bigint,
  expiresAt: number,
  debit = posA,
): StoredTransfer {
  return stored({
    id,
    kind: "pending",
    debitAccountId: debit,
    amount,
    timeoutMs: 60_000,
    expiresAt,
  });
}

/**
 * Transfers stored by earlier batches:
 * - T1: posted pa -> pb 100, reference "r1".
 * - P1: pending pa -> pb 300, open until now + 60 s.
 * - P2: pending pa -> pb 20, committed by C2; its timeout has passed since.
 * - P3: pending pa -> pb 30, voided; still within its timeout.
 * - P4: pending pa -> pb 400, open, expires exactly now.
 * - P5: pending pc (suspended) -> pb 200, open until now + 60 s.
 * - P6: pending pa -> pb 50, expired by the hub.
 * - X1: posted between two accounts this batch does not load.
 */
function storedTransfers(): StoredTransfer[] {
  return [
    stored({ id: "T1", kind: "posted", amount: 100n, reference: "r1" }),
    storedPending("P1", 300n, now + 60_000),
    storedPending("P2", 20n, now - 1),
    stored({ id: "C2", kind: "commit", amount: 20n, pendingId: "P2" }),
    storedPending("P3", 30n, now + 60_000),
    storedPending("P4", 400n, now),
    storedPending("P5", 200n, now + 60_000, posSus),
    storedPending("P6", 50n, now - 1_000),
    stored({ id: "X1", kind: "posted", debitAccountId: 97, creditAccountId: 98, amount: 5n }),
  ];
}

interface Fixture {
  readonly accounts: Map<number, AccountState>;
  readonly transfers: Map<string, StoredTransfer>;
  readonly resolutions: Map<string, TransferKind>;
  readonly snapshot: LedgerSnapshot;
}

function fixture(options: { now?: number; head?: JournalHead } = {}): Fixture {
  // Balances consistent with the stored transfers above (T1, C2 posted; P1, P4, P5 reserved).
  const accounts = new Map<number, AccountState>(
    [
      account(posA, "pa", "position", cap, { dp: 120n, dpend: 700n }),
      account(posB, "pb", "position", cap, { cp: 120n, cpend: 900n }),
      account(setA, "pa", "settlement", 0n, { cp: 5_000n }),
      account(recon, "hub", "reconciliation", null, { dp: 5_000n }),
      account(posSus, "pc", "position", cap, { dpend: 200n }, { active: false }),
      account(posUsd, "pd", "position", cap, {}, { currency: "USD" }),
      account(setB, "pb", "settlement", 0n),
    ].map((a) => [a.id, a]),
  );
  const transfers = new Map(storedTransfers().map((t) => [t.id, t]));
  const resolutions = new Map<string, TransferKind>([
    ["P2", "commit"],
    ["P3", "void"],
    ["P6", "expire"],
  ]);
  const snapshot: LedgerSnapshot = {
    accounts,
    transfers,
    resolutions,
    journalHead: options.head ?? head,
    now: options.now ?? now,
  };
  return { accounts, transfers, resolutions, snapshot };
}

// Headroom under each limit at the start: posA 10 000 - (120 + 700) = 9 180 (pending debits
// count); posB 10 000 + 120 = 10 120 (its 900 pending credits do not); setA 5 000.
const headroomA = 9_180n;
const headroomB = 10_120n;
const headroomSetA = 5_000n;

// ---------------------------------------------------------------------------------------------
// Requests and expected balance changes
// ---------------------------------------------------------------------------------------------

type Extra<T> = { -readonly [K in keyof T]?: T[K] };

function posted(
  id: string,
  debit: number,
  credit: number,
  amount: bigint,
  extra: Extra<PostingRequest> = {},
): PostingRequest {
  return {
    kind: "posted",
    id,
    debitAccountId: debit,
    creditAccountId: credit,
    amount,
    currency: "CNY",
    ...extra,
  };
}

function pending(
  id: string,
  debit: number,
  credit: number,
  amount: bigint,
  extra: Extra<PostingRequest> = {},
): PostingRequest {
  return { ...posted(id, debit, credit, amount), kind: "pending", timeoutMs: 60_000, ...extra };
}

function commit(
  id: string,
  pendingId: string,
  extra: Extra<ResolutionRequest> = {},
): ResolutionRequest {
  return { kind: "commit", id, pendingId, ...extra };
}

function voidOf(
  id: string,
  pendingId: string,
  extra: Extra<ResolutionRequest> = {},
): ResolutionRequest {
  return { kind: "void", id, pendingId, ...extra };
}

function expire(pendingId: string, extra: Extra<ResolutionRequest> = {}): ResolutionRequest {
  return { kind: "expire", id: expiryTransferId(pendingId), pendingId, ...extra };
}

const linked = { linked: true } as const;

type Deltas = Record<number, Partial<Balances>>;

/** The balance changes a transfer of `kind` makes between two accounts. */
function move(kind: TransferKind, debit: number, credit: number, amount: bigint): Deltas {
  switch (kind) {
    case "posted":
      return { [debit]: { dp: amount }, [credit]: { cp: amount } };
    case "pending":
      return { [debit]: { dpend: amount }, [credit]: { cpend: amount } };
    case "commit":
      return { [debit]: { dpend: -amount, dp: amount }, [credit]: { cpend: -amount, cp: amount } };
    default:
      return { [debit]: { dpend: -amount }, [credit]: { cpend: -amount } };
  }
}

function merge(...all: Deltas[]): Deltas {
  const merged: Deltas = {};
  for (const deltas of all) {
    for (const [id, delta] of Object.entries(deltas)) {
      const into = merged[Number(id)] ?? {};
      merged[Number(id)] = into;
      for (const key of ["dp", "cp", "dpend", "cpend"] as const) {
        const value = delta[key];
        if (value !== undefined) into[key] = (into[key] ?? 0n) + value;
      }
    }
  }
  return merged;
}

function balancesOf(accounts: ReadonlyMap<number, AccountState>): Record<number, Balances> {
  const result: Record<number, Balances> = {};
  for (const [id, a] of accounts) {
    result[id] = {
      dp: a.debitsPosted,
      cp: a.creditsPosted,
      dpend: a.debitsPending,
      cpend: a.creditsPending,
    };
  }
  return result;
}

function withDeltas(before: Record<number, Balances>, deltas: Deltas): Record<number, Balances> {
  const after: Record<number, Balances> = {};
  for (const [id, balances] of Object.entries(before)) {
    const delta = deltas[Number(id)] ?? {};
    after[Number(id)] = {
      dp: balances.dp + (delta.dp ?? 0n),
      cp: balances.cp + (delta.cp ?? 0n),
      dpend: balances.dpend + (delta.dpend ?? 0n),
      cpend: balances.cpend + (delta.cpend ?? 0n),
    };
  }
  return after;
}

interface Case {
  readonly rule: string;
  readonly requests: readonly TransferRequest[];
  readonly results: readonly TransferResultCode[];
  /** Balance changes; accounts not named must not change. */
  readonly deltas?: Deltas;
  readonly now?: number;
}

/**
 * Runs a case on a fresh fixture and checks the results, that exactly the `ok` requests were
 * created (in order, numbered 0..n-1), the balances, and the journal entry.
 */
function check(c: Case): { outcome: BatchOutcome; fx: Fixture } {
  const fx = fixture(c.now === undefined ? {} : { now: c.now });
  const before = balancesOf(fx.accounts);
  const outcome = applyBatch(fx.snapshot, c.requests);
  expect(outcome.results).toEqual(c.results);
  const okIds = c.requests.filter((_, i) => c.results[i] === "ok").map((r) => r.id);
  expect(outcome.created.map((t) => t.id)).toEqual(okIds);
  expect(outcome.created.map((t) => t.batchIndex)).toEqual(okIds.map((_, i) => i));
  expect(balancesOf(fx.accounts)).toEqual(withDeltas(before, c.deltas ?? {}));
  if (okIds.length === 0) {
    expect(outcome.journal).toBeNull();
    expect(outcome.openedPendings).toEqual([]);
    expect(outcome.closedPendingIds).toEqual([]);
  } else {
    expect(outcome.journal?.seq).toBe(head.seq + 1);
  }
  return { outcome, fx };
}

const long = (n: number) => "a".repeat(n);

// ---------------------------------------------------------------------------------------------
// One row per rule
// ---------------------------------------------------------------------------------------------

const rules: readonly Case[] = [
  // ok
  {
    rule: "a posted transfer moves the amount at once",
    requests: [posted("n1", posA, posB, 50n)],
    results: ["ok"],
    deltas: move("posted", posA, posB, 50n),
  },
  {
    rule: "a pending transfer reserves the amount",
    requests: [pending("n1", posA, posB, 50n)],
    results: ["ok"],
    deltas: move("pending", posA, posB, 50n),
  },
  {
    rule: "a commit posts the pending amount",
    requests: [commit("c1", "P1")],
    results: ["ok"],
    deltas: move("commit", posA, posB, 300n),
  },
  {
    rule: "a void releases the pending amount",
    requests: [voidOf("v1", "P1")],
    results: ["ok"],
    deltas: move("void", posA, posB, 300n),
  },
  {
    rule: "an expiry at exactly expiresAt releases the pending amount",
    requests: [expire("P4")],
    results: ["ok"],
    deltas: move("expire", posA, posB, 400n),
  },
  {
    rule: "a commit one millisecond before expiresAt succeeds",
    now: now - 1,
    requests: [commit("c1", "P4")],
    results: ["ok"],
    deltas: move("commit", posA, posB, 400n),
  },
  {
    rule: "the reconciliation account has no limit",
    requests: [posted("n1", recon, setB, 10n ** 15n)],
    results: ["ok"],
    deltas: move("posted", recon, setB, 10n ** 15n),
  },
  {
    rule: "an id of 64 characters from the whole alphabet is valid",
    requests: [posted(`Az09._:-${long(56)}`, posA, posB, 1n)],
    results: ["ok"],
    deltas: move("posted", posA, posB, 1n),
  },
  {
    rule: "a reference of 128 characters is valid",
    requests: [posted("n1", posA, posB, 1n, { reference: long(128) })],
    results: ["ok"],
    deltas: move("posted", posA, posB, 1n),
  },
  ...(
    [
      ["an emoji (an astral character, a surrogate pair)", "paid \u{1F600}"],
      ["only an emoji", "\u{1F4B6}"],
      ["64 emoji (128 UTF-16 code units)", "\u{1F600}".repeat(64)],
      ["non-ASCII letters", "Überweisung für Zoë"],
      ["U+FFFD", "\ufffd"],
      ["U+00A0 (no-break space, just past the C1 controls)", "a\u00a0b"],
      ["U+2028 (line separator, not a control character)", "a\u2028b"],
      ["a space only", " "],
    ] as const
  ).map(
    ([what, reference]): Case => ({
      rule: `a reference with ${what} is valid`,
      requests: [posted("n1", posA, posB, 1n, { reference })],
      results: ["ok"],
      deltas: move("posted", posA, posB, 1n),
    }),
  ),
  {
    rule: "an empty reference is valid",
    requests: [posted("n1", posA, posB, 1n, { reference: "" })],
    results: ["ok"],
    deltas: move("posted", posA, posB, 1n),
  },
  {
    rule: "a pending timeout of exactly the maximum is valid",
    requests: [pending("n1", posA, posB, 1n, { timeoutMs: pendingTimeoutMsMax })],
    results: ["ok"],
    deltas: move("pending", posA, posB, 1n),
  },
  {
    rule: "a pending timeout of 1 ms is valid",
    requests: [pending("n1", posA, posB, 1n, { timeoutMs: 1 })],
    results: ["ok"],
    deltas: move("pending", posA, posB, 1n),
  },
  // linked_event_failed / linked_event_chain_open
  {
    rule: "a linked group fails whole when its last member fails",
    requests: [posted("l1", posA, posB, 10n, linked), posted("l2", posA, missing, 10n)],
    results: ["linked_event_failed", "account_not_found"],
  },
  {
    rule: "a linked group fails whole when its first member fails",
    requests: [posted("l1", posA, missing, 10n, linked), posted("l2", posA, posB, 10n)],
    results: ["account_not_found", "linked_event_failed"],
  },
  {
    rule: "a batch ending on a linked transfer leaves its chain open",
    requests: [posted("l1", posA, posB, 10n, linked)],
    results: ["linked_event_chain_open"],
  },
  // id_invalid
  ...["", " a", "a ", "a b", "~a", "-a", ".a", ":a", "_a", "a/b", "a\n", "é", "a+b", long(65)].map(
    (id): Case => ({
      rule: `posted id ${JSON.stringify(id)} is invalid`,
      requests: [posted(id, posA, posB, 1n)],
      results: ["id_invalid"],
    }),
  ),
  {
    rule: "a commit id must be a client id",
    requests: [commit("~c1", "P1")],
    results: ["id_invalid"],
  },
  {
    rule: "a void id must be a client id",
    requests: [voidOf("", "P1")],
    results: ["id_invalid"],
  },
  {
    rule: "a commit may not take the hub's expiry id",
    requests: [commit(expiryTransferId("P1"), "P1")],
    results: ["id_invalid"],
  },
  ...["~expire:P1", "expire-P4", "~expire:P4 ", "~EXPIRE:P4", "~expire:"].map(
    (id): Case => ({
      rule: `an expiry of P4 with id ${JSON.stringify(id)} is invalid`,
      requests: [{ kind: "expire", id, pendingId: "P4" }],
      results: ["id_invalid"],
    }),
  ),
  // amount_must_be_positive
  {
    rule: "a posted amount of zero",
    requests: [posted("n1", posA, posB, 0n)],
    results: ["amount_must_be_positive"],
  },
  {
    rule: "a negative posted amount",
    requests: [posted("n1", posB, posA, -5n)],
    results: ["amount_must_be_positive"],
  },
  {
    rule: "a pending amount of zero",
    requests: [pending("n1", posA, posB, 0n)],
    results: ["amount_must_be_positive"],
  },
  // accounts_must_be_different
  {
    rule: "posted to the same account",
    requests: [posted("n1", posA, posA, 1n)],
    results: ["accounts_must_be_different"],
  },
  {
    rule: "pending to the same account (even a missing one)",
    requests: [pending("n1", missing, missing, 1n)],
    results: ["accounts_must_be_different"],
  },
  // timeout_invalid
  ...[1_000, 0].map(
    (timeoutMs): Case => ({
      rule: `a posted transfer with timeoutMs ${timeoutMs}`,
      requests: [posted("n1", posA, posB, 1n, { timeoutMs })],
      results: ["timeout_invalid"],
    }),
  ),
  ...[
    undefined,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    pendingTimeoutMsMax + 1,
    2 ** 53,
  ].map(
    (timeoutMs): Case => ({
      rule: `a pending transfer with timeoutMs ${timeoutMs}`,
      requests: [pending("n1", posA, posB, 1n, { timeoutMs })],
      results: ["timeout_invalid"],
    }),
  ),
  // reference_invalid
  {
    rule: "a posted reference of 129 characters",
    requests: [posted("n1", posA, posB, 1n, { reference: long(129) })],
    results: ["reference_invalid"],
  },
  {
    rule: "a commit reference of 129 characters",
    requests: [commit("c1", "P1", { reference: long(129) })],
    results: ["reference_invalid"],
  },
  ...(
    [
      ["a NUL character", "a\u0000b"],
      ["only a NUL character", "\u0000"],
      ["a control character (U+001F)", "a\u001fb"],
      ["a line feed", "line\nbreak"],
      ["a tab", "\tindented"],
      ["DEL (U+007F)", "a\u007f"],
      ["a C1 control character (U+0080)", "a\u0080b"],
      ["a C1 control character (U+009F)", "\u009f"],
      ["a lone high surrogate", "half a pair \ud800"],
      ["a lone high surrogate before another character", "\udbffx"],
      ["a lone low surrogate", "\udc00 half a pair"],
      ["a reversed surrogate pair", "\ude00\ud83d"],
      ["an emoji's high surrogate cut off by the length limit", `${long(127)}\ud83d`],
    ] as const
  ).map(
    ([what, reference]): Case => ({
      rule: `a posted reference with ${what}`,
      requests: [posted("n1", posA, posB, 1n, { reference })],
      results: ["reference_invalid"],
    }),
  ),
  {
    rule: "a commit reference with a lone surrogate",
    requests: [commit("c1", "P1", { reference: "\udfff" })],
    results: ["reference_invalid"],
  },
  {
    rule: "a linked group fails whole for a member's invalid reference",
    requests: [
      posted("l1", posA, posB, 10n, linked),
      posted("l2", posA, posB, 10n, { reference: "\u0000" }),
    ],
    results: ["linked_event_failed", "reference_invalid"],
  },
  // exists_with_different_fields
  ...(
    [
      ["amount", { amount: 101n }],
      ["reference", { reference: "r2" }],
      ["reference (absent)", { reference: undefined }],
      ["debit account", { debitAccountId: setA }],
      ["credit account", { creditAccountId: setB }],
      ["currency", { currency: "USD" }],
    ] as const
  ).map(
    ([field, extra]): Case => ({
      rule: `T1 again with a different ${field}`,
      requests: [posted("T1", posA, posB, 100n, { reference: "r1", ...extra })],
      results: ["exists_with_different_fields"],
    }),
  ),
  {
    rule: "T1 again as a pending transfer",
    requests: [pending("T1", posA, posB, 100n, { reference: "r1" })],
    results: ["exists_with_different_fields"],
  },
  {
    rule: "T1 again, linked",
    requests: [
      posted("T1", posA, posB, 100n, { reference: "r1", linked: true }),
      posted("n2", posA, posB, 1n),
    ],
    results: ["exists_with_different_fields", "linked_event_failed"],
  },
  {
    rule: "T1 again as a commit",
    requests: [commit("T1", "P1", { reference: "r1" })],
    results: ["exists_with_different_fields"],
  },
  {
    rule: "commit C2 again for another pending",
    requests: [commit("C2", "P1")],
    results: ["exists_with_different_fields"],
  },
  {
    rule: "C2 again as a void",
    requests: [voidOf("C2", "P2")],
    results: ["exists_with_different_fields"],
  },
  {
    rule: "P1 again with a different timeout",
    requests: [pending("P1", posA, posB, 300n, { timeoutMs: 60_001 })],
    results: ["exists_with_different_fields"],
  },
  // exists
  {
    rule: "T1 again with the same fields",
    requests: [posted("T1", posA, posB, 100n, { reference: "r1" })],
    results: ["exists"],
  },
  {
    rule: "commit C2 again with the same fields",
    requests: [commit("C2", "P2")],
    results: ["exists"],
  },
  {
    rule: "P1 again with the same fields",
    requests: [pending("P1", posA, posB, 300n)],
    results: ["exists"],
  },
  // account_not_found
  {
    rule: "the debit account is missing",
    requests: [posted("n1", missing, posB, 1n)],
    results: ["account_not_found"],
  },
  {
    rule: "the credit account is missing",
    requests: [pending("n1", posA, missing, 1n)],
    results: ["account_not_found"],
  },
  // currency_mismatch
  {
    rule: "the credit account is in another currency",
    requests: [posted("n1", posA, posUsd, 1n)],
    results: ["currency_mismatch"],
  },
  {
    rule: "the debit account is in another currency",
    requests: [posted("n1", posUsd, posA, 1n, { currency: "USD" })],
    results: ["currency_mismatch"],
  },
  {
    rule: "the transfer is in another currency than both accounts",
    requests: [posted("n1", posA, posB, 1n, { currency: "USD" })],
    results: ["currency_mismatch"],
  },
  // participant_inactive
  {
    rule: "the debit account's participant is suspended",
    requests: [posted("n1", posSus, posA, 1n)],
    results: ["participant_inactive"],
  },
  {
    rule: "the credit account's participant is suspended",
    requests: [pending("n1", posA, posSus, 1n)],
    results: ["participant_inactive"],
  },
  // pending_not_found
  {
    rule: "commit of an unknown pending",
    requests: [commit("c1", "nope")],
    results: ["pending_not_found"],
  },
  {
    rule: "void of a posted transfer",
    requests: [voidOf("v1", "T1")],
    results: ["pending_not_found"],
  },
  {
    rule: "commit of a commit",
    requests: [commit("c1", "C2")],
    results: ["pending_not_found"],
  },
  {
    rule: "expiry of an unknown pending",
    requests: [expire("nope")],
    results: ["pending_not_found"],
  },
  // already_committed
  {
    rule: "commit of a committed pending",
    requests: [commit("c1", "P2")],
    results: ["already_committed"],
  },
  {
    rule: "void of a committed pending",
    requests: [voidOf("v1", "P2")],
    results: ["already_committed"],
  },
  {
    rule: "expiry of a committed pending past its timeout",
    requests: [expire("P2")],
    results: ["already_committed"],
  },
  // already_voided
  {
    rule: "commit of a voided pending",
    requests: [commit("c1", "P3")],
    results: ["already_voided"],
  },
  {
    rule: "void of a voided pending",
    requests: [voidOf("v1", "P3")],
    results: ["already_voided"],
  },
  {
    rule: "expiry of a voided pending before its timeout",
    requests: [expire("P3")],
    results: ["already_voided"],
  },
  // pending_expired
  {
    rule: "commit at exactly expiresAt",
    requests: [commit("c1", "P4")],
    results: ["pending_expired"],
  },
  {
    rule: "void at exactly expiresAt",
    requests: [voidOf("v1", "P4")],
    results: ["pending_expired"],
  },
  {
    rule: "commit of a pending the hub expired",
    requests: [commit("c1", "P6")],
    results: ["pending_expired"],
  },
  {
    rule: "a second expiry of a pending the hub expired",
    requests: [expire("P6")],
    results: ["pending_expired"],
  },
  // pending_not_expired
  {
    rule: "expiry before expiresAt",
    requests: [expire("P1")],
    results: ["pending_not_expired"],
  },
  {
    rule: "expiry one millisecond before expiresAt",
    now: now - 1,
    requests: [expire("P4")],
    results: ["pending_not_expired"],
  },
  // exceeds_net_debit_cap
  {
    rule: "a posted debit exactly at the net debit cap",
    requests: [posted("n1", posA, posB, headroomA)],
    results: ["ok"],
    deltas: move("posted", posA, posB, headroomA),
  },
  {
    rule: "a posted debit one minor unit above the net debit cap",
    requests: [posted("n1", posA, posB, headroomA + 1n)],
    results: ["exceeds_net_debit_cap"],
  },
  {
    rule: "a pending debit one minor unit above the net debit cap",
    requests: [pending("n1", posA, posB, headroomA + 1n)],
    results: ["exceeds_net_debit_cap"],
  },
  {
    rule: "posted credits raise the headroom, pending credits do not (at the cap)",
    requests: [posted("n1", posB, posA, headroomB)],
    results: ["ok"],
    deltas: move("posted", posB, posA, headroomB),
  },
  {
    rule: "posted credits raise the headroom, pending credits do not (one above)",
    requests: [posted("n1", posB, posA, headroomB + 1n)],
    results: ["exceeds_net_debit_cap"],
  },
  // insufficient_liquidity
  {
    rule: "a settlement debit of exactly the deposited funds",
    requests: [posted("n1", setA, recon, headroomSetA)],
    results: ["ok"],
    deltas: move("posted", setA, recon, headroomSetA),
  },
  {
    rule: "a settlement debit one minor unit above the deposited funds",
    requests: [posted("n1", setA, recon, headroomSetA + 1n)],
    results: ["insufficient_liquidity"],
  },
  {
    rule: "a pending debit of an empty settlement account",
    requests: [pending("n1", setB, recon, 1n)],
    results: ["insufficient_liquidity"],
  },
  // balance_overflow
  {
    rule: "a debit that would take an account's debits beyond 2^63 − 1",
    requests: [posted("n1", recon, setA, amountMinorMax - 4_999n)],
    results: ["balance_overflow"],
  },
  {
    rule: "a debit that reaches exactly 2^63 − 1 in debits",
    requests: [posted("n1", recon, setA, amountMinorMax - 5_000n)],
    results: ["ok"],
    deltas: move("posted", recon, setA, amountMinorMax - 5_000n),
  },
];

describe("applyBatch: one row per rule", () => {
  it.each(rules.map((c) => [c.rule, c] as const))("%s", (_rule, c) => {
    check(c);
  });

  it("has a row for every result code the engine can return", () => {
    const covered = new Set(rules.flatMap((c) => c.results));
    const expected = Object.keys(transferResultCodes).filter(
      (code) => code !== "storage_unavailable",
    );
    expect([...covered].sort()).toEqual(expected.sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Precedence: when several rules apply, the first in transferResultCodes wins
// ---------------------------------------------------------------------------------------------

const precedence: readonly Case[] = [
  {
    rule: "id_invalid before amount_must_be_positive",
    requests: [posted("", posA, posB, 0n)],
    results: ["id_invalid"],
  },
  {
    rule: "id_invalid before account_not_found",
    requests: [posted("", posA, missing, 1n)],
    results: ["id_invalid"],
  },
  {
    rule: "id_invalid before pending_not_found",
    requests: [{ kind: "expire", id: "x", pendingId: "nope" }],
    results: ["id_invalid"],
  },
  {
    rule: "amount_must_be_positive before accounts_must_be_different",
    requests: [posted("n1", posA, posA, 0n)],
    results: ["amount_must_be_positive"],
  },
  {
    rule: "accounts_must_be_different before timeout_invalid",
    requests: [posted("n1", posA, posA, 1n, { timeoutMs: 5 })],
    results: ["accounts_must_be_different"],
  },
  {
    rule: "timeout_invalid before reference_invalid",
    requests: [pending("n1", posA, posB, 1n, { timeoutMs: 0, reference: long(129) })],
    results: ["timeout_invalid"],
  },
  {
    rule: "reference_invalid before exists_with_different_fields",
    requests: [posted("T1", posA, posB, 100n, { reference: long(129) })],
    results: ["reference_invalid"],
  },
  {
    rule: "reference_invalid (control character) before exists_with_different_fields",
    requests: [posted("T1", posA, posB, 100n, { reference: "r1\u0000" })],
    results: ["reference_invalid"],
  },
  {
    rule: "timeout_invalid before reference_invalid (lone surrogate)",
    requests: [pending("n1", posA, posB, 1n, { timeoutMs: 0, reference: "\ud800" })],
    results: ["timeout_invalid"],
  },
  {
    rule: "reference_invalid (lone surrogate) before account_not_found",
    requests: [posted("n1", posA, missing, 1n, { reference: "\udc00" })],
    results: ["reference_invalid"],
  },
  {
    rule: "exists_with_different_fields before account_not_found",
    requests: [posted("T1", posA, missing, 100n, { reference: "r1" })],
    results: ["exists_with_different_fields"],
  },
  {
    rule: "exists before account_not_found",
    requests: [posted("X1", 97, 98, 5n)],
    results: ["exists"],
  },
  {
    rule: "exists before already_committed",
    requests: [commit("C2", "P2")],
    results: ["exists"],
  },
  {
    rule: "account_not_found before currency_mismatch",
    requests: [posted("n1", posUsd, missing, 1n)],
    results: ["account_not_found"],
  },
  {
    rule: "currency_mismatch before participant_inactive",
    requests: [posted("n1", posSus, posUsd, 1n)],
    results: ["currency_mismatch"],
  },
  {
    rule: "participant_inactive before exceeds_net_debit_cap",
    requests: [posted("n1", posSus, posA, cap * 2n)],
    results: ["participant_inactive"],
  },
  {
    rule: "participant_inactive before insufficient_liquidity",
    requests: [posted("n1", setB, posSus, 1n)],
    results: ["participant_inactive"],
  },
  {
    rule: "reference_invalid before pending_not_found",
    requests: [commit("c1", "nope", { reference: long(129) })],
    results: ["reference_invalid"],
  },
  {
    rule: "reference_invalid (NUL) before pending_not_found",
    requests: [commit("c1", "nope", { reference: "\u0000" })],
    results: ["reference_invalid"],
  },
  {
    rule: "already_committed before pending_expired",
    requests: [commit("c1", "P2")],
    results: ["already_committed"],
  },
  {
    rule: "already_voided before pending_not_expired",
    requests: [expire("P3")],
    results: ["already_voided"],
  },
];

describe("applyBatch: precedence", () => {
  it.each(precedence.map((c) => [c.rule, c] as const))("%s", (_rule, c) => {
    check(c);
  });
});

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

describe("applyBatch: duplicates within one batch", () => {
  it.each([
    {
      rule: "the same posted transfer twice: the second exists",
      requests: [posted("n1", posA, posB, 10n), posted("n1", posA, posB, 10n)],
      results: ["ok", "exists"],
      deltas: move("posted", posA, posB, 10n),
    },
    {
      rule: "the same id with another amount",
      requests: [posted("n1", posA, posB, 10n), posted("n1", posA, posB, 11n)],
      results: ["ok", "exists_with_different_fields"],
      deltas: move("posted", posA, posB, 10n),
    },
    {
      rule: "the same commit twice",
      requests: [commit("c1", "P1"), commit("c1", "P1")],
      results: ["ok", "exists"],
      deltas: move("commit", posA, posB, 300n),
    },
    {
      rule: "two commits of one pending",
      requests: [commit("c1", "P1"), commit("c2", "P1")],
      results: ["ok", "already_committed"],
      deltas: move("commit", posA, posB, 300n),
    },
    {
      rule: "commit after void",
      requests: [voidOf("v1", "P1"), commit("c1", "P1")],
      results: ["ok", "already_voided"],
      deltas: move("void", posA, posB, 300n),
    },
    {
      rule: "void after commit",
      requests: [commit("c1", "P1"), voidOf("v1", "P1")],
      results: ["ok", "already_committed"],
      deltas: move("commit", posA, posB, 300n),
    },
    {
      rule: "commit after expiry",
      requests: [expire("P4"), commit("c1", "P4"), expire("P4")],
      results: ["ok", "pending_expired", "exists"],
      deltas: move("expire", posA, posB, 400n),
    },
  ] satisfies Case[])("$rule", (c) => {
    check(c);
  });
});

describe("applyBatch: pendings created in the same batch", () => {
  it("creates and commits a pending: the amount ends up posted and no pending stays open", () => {
    const { outcome } = check({
      rule: "",
      requests: [
        pending("n1", posA, posB, 500n, { timeoutMs: 1_000 }),
        commit("c1", "n1", { reference: "x" }),
      ],
      results: ["ok", "ok"],
      deltas: move("posted", posA, posB, 500n),
    });
    expect(outcome.created[0]).toMatchObject({
      kind: "pending",
      timeoutMs: 1_000,
      expiresAt: now + 1_000,
    });
    expect(outcome.created[1]).toEqual({
      id: "c1",
      kind: "commit",
      debitAccountId: posA,
      creditAccountId: posB,
      amount: 500n,
      currency: "CNY",
      pendingId: "n1",
      timeoutMs: null,
      expiresAt: null,
      reference: "x",
      linked: false,
      batchSeq: head.seq + 1,
      batchIndex: 1,
      createdAt: now,
    });
    expect(outcome.openedPendings).toEqual([]);
    expect(outcome.closedPendingIds).toEqual([]);
  });

  it("refuses a commit after the pending was voided in the same batch", () => {
    check({
      rule: "",
      requests: [pending("n1", posA, posB, 500n), voidOf("v1", "n1"), commit("c1", "n1")],
      results: ["ok", "ok", "already_voided"],
    });
  });

  it("refuses to expire a pending created in the same batch", () => {
    check({
      rule: "",
      requests: [pending("n1", posA, posB, 500n, { timeoutMs: 1 }), expire("n1")],
      results: ["ok", "pending_not_expired"],
      deltas: move("pending", posA, posB, 500n),
    });
  });

  it("refuses a commit of a pending that failed earlier in the batch", () => {
    check({
      rule: "",
      requests: [pending("n1", posA, missing, 500n), commit("c1", "n1")],
      results: ["account_not_found", "pending_not_found"],
    });
  });
});

describe("applyBatch: expiry", () => {
  it("a commit past the timeout fails and changes nothing; the hub's expiry then releases it", () => {
    const fx = fixture();
    const before = balancesOf(fx.accounts);
    const first = applyBatch(fx.snapshot, [commit("c1", "P4"), voidOf("v1", "P4")]);
    expect(first.results).toEqual(["pending_expired", "pending_expired"]);
    expect(first.created).toEqual([]);
    expect(first.changedAccounts).toEqual([]);
    expect(balancesOf(fx.accounts)).toEqual(before);

    const second = applyBatch(fx.snapshot, [expire("P4")]);
    expect(second.results).toEqual(["ok"]);
    expect(second.created).toEqual([
      stored({
        id: "~expire:P4",
        kind: "expire",
        amount: 400n,
        pendingId: "P4",
        batchSeq: head.seq + 1,
        batchIndex: 0,
        createdAt: now,
      }),
    ]);
    expect(second.closedPendingIds).toEqual(["P4"]);
    expect(balancesOf(fx.accounts)).toEqual(withDeltas(before, move("expire", posA, posB, 400n)));
  });

  it("the expiry id must be expiryTransferId(pendingId)", () => {
    expect(expiryTransferId("P4")).toBe("~expire:P4");
    check({
      rule: "",
      requests: [
        { kind: "expire", id: expiryTransferId("P1"), pendingId: "P4" },
        { kind: "expire", id: "P4", pendingId: "P4" },
        { kind: "expire", id: expiryTransferId("P4"), pendingId: "P4" },
      ],
      results: ["id_invalid", "id_invalid", "ok"],
      deltas: move("expire", posA, posB, 400n),
    });
  });
});

describe("applyBatch: net debit cap and liquidity", () => {
  it.each([
    {
      rule: "debits accumulate within a batch up to the cap",
      requests: [
        posted("n1", posA, posB, 9_000n),
        posted("n2", posA, posB, headroomA - 9_000n),
        posted("n3", posA, posB, 1n),
      ],
      results: ["ok", "ok", "exceeds_net_debit_cap"],
      deltas: move("posted", posA, posB, headroomA),
    },
    {
      rule: "pending debits count against the cap",
      requests: [
        pending("n1", posA, posB, 9_000n),
        posted("n2", posA, posB, headroomA - 9_000n + 1n),
      ],
      results: ["ok", "exceeds_net_debit_cap"],
      deltas: move("pending", posA, posB, 9_000n),
    },
    {
      rule: "pending credits do not raise the cap",
      requests: [pending("n1", posB, posA, 5_000n), posted("n2", posA, posB, headroomA + 1n)],
      results: ["ok", "exceeds_net_debit_cap"],
      deltas: move("pending", posB, posA, 5_000n),
    },
    {
      rule: "committed credits raise the cap",
      requests: [
        pending("n1", posB, posA, 5_000n),
        commit("c1", "n1"),
        posted("n2", posA, posB, headroomA + 5_000n),
        posted("n3", posA, posB, 1n),
      ],
      results: ["ok", "ok", "ok", "exceeds_net_debit_cap"],
      deltas: merge(
        move("posted", posB, posA, 5_000n),
        move("posted", posA, posB, headroomA + 5_000n),
      ),
    },
    {
      rule: "posted credits earlier in the batch raise the cap",
      requests: [posted("n1", posB, posA, 1_000n), posted("n2", posA, posB, headroomA + 1_000n)],
      results: ["ok", "ok"],
      deltas: merge(
        move("posted", posB, posA, 1_000n),
        move("posted", posA, posB, headroomA + 1_000n),
      ),
    },
    {
      rule: "a void frees the reserved amount",
      requests: [voidOf("v1", "P1"), posted("n1", posA, posB, headroomA + 300n)],
      results: ["ok", "ok"],
      deltas: merge(move("void", posA, posB, 300n), move("posted", posA, posB, headroomA + 300n)),
    },
    {
      rule: "a commit is not checked against the cap again",
      requests: [posted("n1", posA, posB, headroomA), commit("c1", "P1")],
      results: ["ok", "ok"],
      deltas: merge(move("posted", posA, posB, headroomA), move("commit", posA, posB, 300n)),
    },
    {
      rule: "a failed debit leaves room for a smaller one",
      requests: [posted("n1", posA, posB, cap), posted("n2", posA, posB, 1n)],
      results: ["exceeds_net_debit_cap", "ok"],
      deltas: move("posted", posA, posB, 1n),
    },
    {
      rule: "a settlement account can be funded and then drawn",
      requests: [
        posted("d1", recon, setB, 700n),
        pending("w1", setB, posB, 700n),
        posted("w2", setB, posB, 1n),
      ],
      results: ["ok", "ok", "insufficient_liquidity"],
      deltas: merge(move("posted", recon, setB, 700n), move("pending", setB, posB, 700n)),
    },
    {
      rule: "the limit is only checked on the debit side",
      requests: [posted("n1", posB, setB, headroomB)],
      results: ["ok"],
      deltas: move("posted", posB, setB, headroomB),
    },
  ] satisfies Case[])("$rule", (c) => {
    check(c);
  });

  it("exposure at the cap after an at-cap debit is exactly the cap", () => {
    const fx = fixture();
    applyBatch(fx.snapshot, [posted("n1", posA, posB, headroomA)]);
    expect(exposure(fx.accounts.get(posA) as AccountState)).toBe(cap);
  });
});

describe("applyBatch: linked groups", () => {
  it("undoes a failed group, fails its other members and still applies what follows", () => {
    const requests: TransferRequest[] = [
      posted("s0", posA, posB, 1n),
      posted("l1", posA, posB, 10n, linked),
      pending("l2", posA, posB, 20n, linked),
      commit("l3", "P1", linked),
      posted("l4", posA, posB, cap * 10n, linked),
      posted("l5", posA, posB, 5n, linked),
      posted("l6", posA, posB, 6n),
      posted("s7", posA, posB, 7n),
      commit("c8", "P1"),
      posted("l1", posA, posB, 10n),
    ];
    const { outcome } = check({
      rule: "",
      requests,
      results: [
        "ok",
        "linked_event_failed",
        "linked_event_failed",
        "linked_event_failed",
        "exceeds_net_debit_cap",
        "linked_event_failed",
        "linked_event_failed",
        "ok",
        "ok",
        "ok",
      ],
      deltas: merge(move("posted", posA, posB, 1n + 7n + 10n), move("commit", posA, posB, 300n)),
    });
    expect(outcome.created.map((t) => [t.id, t.batchIndex, t.linked])).toEqual([
      ["s0", 0, false],
      ["s7", 1, false],
      ["c8", 2, false],
      ["l1", 3, false],
    ]);
    expect(outcome.openedPendings).toEqual([]);
    expect(outcome.closedPendingIds).toEqual(["P1"]);
    expect(outcome.journal?.hash).toBe(hashBatch(head.hash, head.seq + 1, outcome.created));
  });

  it("applies a group whose members all succeed, including a pending committed inside it", () => {
    const { outcome } = check({
      rule: "",
      requests: [
        posted("l1", posA, posB, 10n, linked),
        pending("l2", posA, posB, 20n, linked),
        commit("l3", "l2"),
      ],
      results: ["ok", "ok", "ok"],
      deltas: move("posted", posA, posB, 30n),
    });
    expect(outcome.created.map((t) => t.linked)).toEqual([true, true, false]);
  });

  it("keeps consecutive groups independent", () => {
    check({
      rule: "",
      requests: [
        posted("a1", posA, posB, 10n, linked),
        posted("a2", posA, missing, 10n),
        posted("b1", posA, posB, 20n, linked),
        posted("b2", posA, posB, 30n),
        posted("c1", posA, posB, 40n, linked),
        posted("c2", posA, posB, 50n, linked),
        posted("c3", posA, posSus, 60n),
      ],
      results: [
        "linked_event_failed",
        "account_not_found",
        "ok",
        "ok",
        "linked_event_failed",
        "linked_event_failed",
        "participant_inactive",
      ],
      deltas: move("posted", posA, posB, 50n),
    });
  });

  // Current semantics: `exists` is not `ok`, so it fails its group like any other refusal. A
  // retry of a whole applied group therefore answers [exists, linked_event_failed, ...].
  it("fails the group when a member only repeats an existing transfer", () => {
    check({
      rule: "",
      requests: [
        posted("n1", posA, posB, 1n),
        posted("l1", posA, posB, 10n, linked),
        posted("n1", posA, posB, 1n),
      ],
      results: ["ok", "linked_event_failed", "exists"],
      deltas: move("posted", posA, posB, 1n),
    });
  });

  it("lets a duplicate of an undone member succeed later in the batch", () => {
    check({
      rule: "",
      requests: [
        pending("p1", posA, posB, 10n, linked),
        posted("x", posA, missing, 1n),
        pending("p1", posA, posB, 10n),
        commit("c1", "p1"),
      ],
      results: ["linked_event_failed", "account_not_found", "ok", "ok"],
      deltas: move("posted", posA, posB, 10n),
    });
  });

  it("refuses an open chain at the end of the batch without evaluating it", () => {
    check({
      rule: "",
      requests: [
        posted("s0", posA, posB, 1n),
        posted("l1", posA, posB, 10n, linked),
        posted("", posA, posB, 0n, linked),
        posted("l3", posA, posB, 30n, linked),
      ],
      results: ["ok", "linked_event_failed", "linked_event_failed", "linked_event_chain_open"],
      deltas: move("posted", posA, posB, 1n),
    });
  });

  it("refuses an open chain that follows a closed group", () => {
    check({
      rule: "",
      requests: [
        posted("a1", posA, posB, 1n, linked),
        posted("a2", posA, posB, 2n),
        posted("b1", posA, posB, 3n, linked),
        posted("b2", posA, posB, 4n, linked),
      ],
      results: ["ok", "ok", "linked_event_failed", "linked_event_chain_open"],
      deltas: move("posted", posA, posB, 3n),
    });
  });
});

describe("applyBatch: suspended participants", () => {
  it.each([
    {
      rule: "new transfers fail, but a commit of an existing pending succeeds",
      requests: [
        posted("n1", posSus, posB, 1n),
        pending("n2", posB, posSus, 1n),
        commit("c1", "P5"),
      ],
      results: ["participant_inactive", "participant_inactive", "ok"],
      deltas: move("commit", posSus, posB, 200n),
    },
    {
      rule: "a void of an existing pending succeeds",
      requests: [voidOf("v1", "P5")],
      results: ["ok"],
      deltas: move("void", posSus, posB, 200n),
    },
    {
      rule: "the hub's expiry of an existing pending succeeds",
      now: now + 60_000,
      requests: [expire("P5")],
      results: ["ok"],
      deltas: move("expire", posSus, posB, 200n),
    },
  ] satisfies Case[])("$rule", (c) => {
    check(c);
  });
});

describe("applyBatch: outcome", () => {
  it("reports the pendings opened and the earlier pendings closed", () => {
    const { outcome } = check({
      rule: "",
      requests: [
        pending("n1", posA, posB, 10n),
        pending("n2", posA, posB, 20n, { timeoutMs: 5_000, reference: "ref" }),
        commit("c1", "n1"),
        commit("c2", "P1"),
        voidOf("v5", "P5"),
        pending("n3", posA, missing, 30n),
      ],
      results: ["ok", "ok", "ok", "ok", "ok", "account_not_found"],
      deltas: merge(
        move("posted", posA, posB, 10n),
        move("pending", posA, posB, 20n),
        move("commit", posA, posB, 300n),
        move("void", posSus, posB, 200n),
      ),
    });
    expect(outcome.openedPendings).toEqual([
      {
        id: "n2",
        kind: "pending",
        debitAccountId: posA,
        creditAccountId: posB,
        amount: 20n,
        currency: "CNY",
        pendingId: null,
        timeoutMs: 5_000,
        expiresAt: now + 5_000,
        reference: "ref",
        linked: false,
        batchSeq: head.seq + 1,
        batchIndex: 1,
        createdAt: now,
      },
    ]);
    expect(outcome.closedPendingIds).toEqual(["P1", "P5"]);
  });

  it("writes a journal entry chained to the head", () => {
    const customHead: JournalHead = { seq: 1_234, hash: "cd".repeat(32) };
    const fx = fixture({ head: customHead });
    const outcome = applyBatch(fx.snapshot, [
      posted("n1", posA, posB, 1n),
      posted("bad", posA, missing, 1n),
      posted("n2", posB, posA, 2n, { reference: "r" }),
    ]);
    expect(outcome.created.map((t) => [t.batchSeq, t.batchIndex, t.createdAt])).toEqual([
      [1_235, 0, now],
      [1_235, 1, now],
    ]);
    expect(outcome.journal).toEqual({
      seq: 1_235,
      prevHash: customHead.hash,
      hash: hashBatch(customHead.hash, 1_235, outcome.created),
      transferCount: 2,
      createdAt: now,
    });
  });

  it.each([
    ["an empty batch", []],
    ["a batch where everything fails", [posted("", posA, posB, 1n), commit("c1", "P2")]],
    [
      "a batch of repeats",
      [posted("T1", posA, posB, 100n, { reference: "r1" }), commit("C2", "P2")],
    ],
  ] as const)("writes no journal entry for %s", (_name, requests) => {
    const fx = fixture();
    const outcome = applyBatch(fx.snapshot, requests);
    expect(outcome.created).toEqual([]);
    expect(outcome.changedAccounts).toEqual([]);
    expect(outcome.journal).toBeNull();
  });

  it("mutates the snapshot's accounts in place and lists the ones it changed", () => {
    const fx = fixture();
    const outcome = applyBatch(fx.snapshot, [posted("n1", setA, recon, 10n), voidOf("v1", "P5")]);
    const ids = outcome.changedAccounts.map((a) => a.id).sort();
    expect(ids).toEqual([posB, setA, recon, posSus].sort());
    for (const changed of outcome.changedAccounts)
      expect(fx.accounts.get(changed.id)).toBe(changed);
  });

  it("does not touch the stored transfers or resolutions", () => {
    const fx = fixture();
    applyBatch(fx.snapshot, [commit("c1", "P1"), posted("n1", posA, posB, 1n)]);
    expect([...fx.transfers.values()]).toEqual(storedTransfers());
    expect(fx.resolutions.size).toBe(3);
  });

  it("accepts batchSizeMax requests and throws on batchSizeMax + 1", () => {
    const requests = Array.from({ length: batchSizeMax }, (_, i) =>
      posted(`n${i}`, posA, posB, 1n),
    );
    const fx = fixture();
    const outcome = applyBatch(fx.snapshot, requests);
    expect(outcome.results.every((code) => code === "ok")).toBe(true);
    expect(outcome.created.at(-1)?.batchIndex).toBe(batchSizeMax - 1);
    expect(() =>
      applyBatch(fixture().snapshot, [...requests, posted("one-more", posA, posB, 1n)]),
    ).toThrow(/batchSizeMax/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random batches
// ---------------------------------------------------------------------------------------------

const accountIds = [posA, posB, setA, recon, posSus, posUsd, setB, missing];
const requestIds = ["r0", "r1", "r2", "r3", "T1", "P1"];
const pendingIds = ["P1", "P2", "P3", "P4", "P5", "P6", "T1", "r0", "r1", "r2", "nope"];

const postingArb: fc.Arbitrary<TransferRequest> = fc
  .record({
    kind: fc.constantFrom("posted" as const, "pending" as const),
    id: fc.constantFrom(...requestIds),
    debitAccountId: fc.constantFrom(...accountIds),
    creditAccountId: fc.constantFrom(...accountIds),
    amount: fc.oneof(fc.bigInt({ min: -1n, max: 12_000n }), fc.constantFrom(100n, 300n, headroomA)),
    currency: fc.constantFrom("CNY", "CNY", "USD"),
    timeoutMs: fc.constantFrom(undefined, 60_000, 60_000, 1),
    reference: fc.constantFrom(undefined, "r1"),
    linked: fc.boolean(),
  })
  .map((r) => (r.kind === "posted" && r.timeoutMs === 1 ? { ...r, timeoutMs: undefined } : r));

const resolutionArb: fc.Arbitrary<TransferRequest> = fc
  .record({
    kind: fc.constantFrom("commit" as const, "void" as const, "expire" as const),
    id: fc.constantFrom(...requestIds, "C2"),
    pendingId: fc.constantFrom(...pendingIds),
    linked: fc.boolean(),
  })
  .map((r) => (r.kind === "expire" ? { ...r, id: expiryTransferId(r.pendingId) } : r));

const batchArb = fc.array(fc.oneof(postingArb, postingArb, resolutionArb), { maxLength: 12 });

/** The [start, end) ranges of linked groups, closed or open, as a client would read them. */
function groups(requests: readonly TransferRequest[]): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  let start = 0;
  for (let i = 0; i < requests.length; i++) {
    if (requests[i]?.linked !== true) {
      ranges.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < requests.length) ranges.push([start, requests.length]);
  return ranges;
}

function netByCurrency(
  accounts: ReadonlyMap<number, AccountState>,
): Record<string, [bigint, bigint]> {
  const net: Record<string, [bigint, bigint]> = {};
  for (const a of accounts.values()) {
    const [posted, pendingNet] = net[a.currency] ?? [0n, 0n];
    net[a.currency] = [
      posted + a.debitsPosted - a.creditsPosted,
      pendingNet + a.debitsPending - a.creditsPending,
    ];
  }
  return net;
}

describe("applyBatch: properties", () => {
  it("keeps double entry, limits, linked atomicity and idempotency on random batches", () => {
    fc.assert(
      fc.property(batchArb, (requests) => {
        const fx = fixture();
        const netBefore = netByCurrency(fx.accounts);
        const outcome = applyBatch(fx.snapshot, requests);
        const { results, created } = outcome;

        expect(results).toHaveLength(requests.length);
        const okIds = requests.filter((_, i) => results[i] === "ok").map((r) => r.id);
        expect(created.map((t) => t.id)).toEqual(okIds);
        expect(created.map((t) => t.batchIndex)).toEqual(okIds.map((_, i) => i));
        expect(new Set(okIds).size).toBe(okIds.length);
        for (const id of okIds) expect(fx.transfers.has(id)).toBe(false);
        expect(outcome.journal === null).toBe(created.length === 0);

        // Each linked group is applied whole or not at all; an open chain never.
        for (const [start, end] of groups(requests)) {
          const codes = results.slice(start, end);
          const open = requests[end - 1]?.linked === true;
          if (open || codes.some((code) => code !== "ok")) {
            expect(codes.includes("ok")).toBe(false);
          }
          if (open) expect(codes.at(-1)).toBe("linked_event_chain_open");
        }

        // Double entry per currency, and no account beyond its limit.
        expect(netByCurrency(fx.accounts)).toEqual(netBefore);
        for (const a of fx.accounts.values()) {
          if (a.debitLimit !== null) expect(exposure(a)).toBeLessThanOrEqual(a.debitLimit);
        }

        // A pending is resolved at most once.
        const resolved = created.flatMap((t) => (t.pendingId === null ? [] : [t.pendingId]));
        expect(new Set(resolved).size).toBe(resolved.length);
        for (const id of resolved) expect(fx.resolutions.has(id)).toBe(false);

        // Replaying the batch against the resulting state applies none of it twice.
        const balancesAfter = balancesOf(fx.accounts);
        const replay = applyBatch(
          {
            ...fx.snapshot,
            transfers: new Map([...fx.transfers, ...created.map((t) => [t.id, t] as const)]),
            resolutions: new Map([
              ...fx.resolutions,
              ...created.flatMap((t) =>
                t.pendingId === null ? [] : [[t.pendingId, t.kind] as const],
              ),
            ]),
          },
          requests,
        );
        requests.forEach((_, i) => {
          if (results[i] === "ok")
            expect(["exists", "linked_event_failed"]).toContain(replay.results[i]);
        });
        for (const t of replay.created) expect(okIds).not.toContain(t.id);
        if (replay.created.length === 0) expect(balancesOf(fx.accounts)).toEqual(balancesAfter);
      }),
      { numRuns: 500 },
    );
  });
});
