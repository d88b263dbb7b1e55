import { genesisHead, hashBatch } from "../../domain/ledger/journal.ts";
import type { StoredTransfer } from "../../domain/ledger/transfer.ts";
import type { AccountBalances, LedgerStore } from "../ports/ledger-store.ts";

/** Journal entries read at a time: at most 16 × 8190 transfers in memory, however large the ledger. */
const journalPageSize = 16;

export interface VerifyReport {
  readonly ok: boolean;
  readonly batches: number;
  readonly transfers: number;
  readonly accounts: number;
  readonly problems: readonly string[];
}

export type VerifyProgress = (batchesChecked: number, headSeq: number) => void;

interface Derived {
  debitsPosted: bigint;
  creditsPosted: bigint;
  debitsPending: bigint;
  creditsPending: bigint;
}

/** Problems past this many are counted, not listed: one root cause can break every later hash. */
const problemsListedMax = 50;

/**
 * Re-derives the whole ledger from its transfers and checks it against what is stored: the
 * hash chain of the journal, every account's balances, the set of open pending transfers, and
 * that each currency sums to zero.
 */
export async function verifyLedger(
  store: LedgerStore,
  onProgress?: VerifyProgress,
): Promise<VerifyReport> {
  const problems: string[] = [];
  const report = (problem: string) => {
    if (problems.length < problemsListedMax) problems.push(problem);
    else if (problems.length === problemsListedMax) problems.push("… further problems not listed");
  };
  const derived = new Map<number, Derived>();
  const openPendings = new Set<string>();
  const head = await store.readJournalHead();
  let prevHash = genesisHead.hash;
  let expectedSeq = 1;
  let transfers = 0;
  for (;;) {
    const entries = await store.readJournal(expectedSeq - 1, journalPageSize);
    if (entries.length === 0) break;
    const last = entries[entries.length - 1]?.seq ?? expectedSeq;
    const stored = groupBySeq(await store.readTransfersOfBatches(expectedSeq, last));
    for (const entry of entries) {
      if (entry.seq !== expectedSeq)
        report(`journal: expected batch ${expectedSeq}, found ${entry.seq}`);
      if (entry.prevHash !== prevHash)
        report(`journal: batch ${entry.seq} does not link to the batch before it`);
      const batch = stored.get(entry.seq) ?? [];
      if (batch.length !== entry.transferCount) {
        report(
          `journal: batch ${entry.seq} lists ${entry.transferCount} transfers, ${batch.length} are stored`,
        );
      }
      if (hashBatch(entry.prevHash, entry.seq, batch) !== entry.hash) {
        report(`journal: batch ${entry.seq} hash does not match its transfers`);
      }
      for (const transfer of batch) applyTransfer(derived, openPendings, transfer);
      transfers += batch.length;
      prevHash = entry.hash;
      expectedSeq = entry.seq + 1;
    }
    onProgress?.(expectedSeq - 1, head.seq);
  }
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    report(`journal: head says batch ${head.seq}, the chain ends at ${expectedSeq - 1}`);
  }
  const accounts = await store.readAllAccounts();
  checkBalances(accounts, derived, report);
  checkCurrenciesSumToZero(accounts, report);
  checkOpenPendings(new Set(await store.readOpenPendingIds()), openPendings, report);
  return {
    ok: problems.length === 0,
    batches: expectedSeq - 1,
    transfers,
    accounts: accounts.length,
    problems,
  };
}

function groupBySeq(transfers: readonly StoredTransfer[]): Map<number, StoredTransfer[]> {
  const grouped = new Map<number, StoredTransfer[]>();
  for (const transfer of transfers) {
    const batch = grouped.get(transfer.batchSeq) ?? [];
    batch.push(transfer);
    grouped.set(transfer.batchSeq, batch);
  }
  return grouped;
}

function applyTransfer(
  derived: Map<number, Derived>,
  open: Set<string>,
  transfer: StoredTransfer,
): void {
  const debit = derivedOf(derived, transfer.debitAccountId);
  const credit = derivedOf(derived, transfer.creditAccountId);
  const amount = transfer.amount;
  if (transfer.kind === "posted") {
    debit.debitsPosted += amount;
    credit.creditsPosted += amount;
    return;
  }
  if (transfer.kind === "pending") {
    debit.debitsPending += amount;
    credit.creditsPending += amount;
    open.add(transfer.id);
    return;
  }
  debit.debitsPending -= amount;
  credit.creditsPending -= amount;
  if (transfer.kind === "commit") {
    debit.debitsPosted += amount;
    credit.creditsPosted += amount;
  }
  open.delete(transfer.pendingId ?? "");
}

/** What an account no transfer touched must hold. */
const untouched: Readonly<Derived> = {
  debitsPosted: 0n,
  creditsPosted: 0n,
  debitsPending: 0n,
  creditsPending: 0n,
};

function derivedOf(derived: Map<number, Derived>, accountId: number): Derived {
  let balances = derived.get(accountId);
  if (balances === undefined) {
    balances = { ...untouched };
    derived.set(accountId, balances);
  }
  return balances;
}

const balanceFields = ["debitsPosted", "creditsPosted", "debitsPending", "creditsPending"] as const;

function checkBalances(
  accounts: readonly AccountBalances[],
  derived: Map<number, Derived>,
  report: (problem: string) => void,
): void {
  const known = new Set(accounts.map((account) => account.id));
  for (const account of accounts) {
    const expected = derived.get(account.id) ?? untouched;
    for (const field of balanceFields) {
      if (account[field] !== expected[field]) {
        report(
          `account ${account.id} (${account.participantId} ${account.kind} ${account.currency}): ${field} is ${account[field]}, transfers give ${expected[field]}`,
        );
      }
    }
  }
  for (const id of derived.keys()) {
    if (!known.has(id)) report(`transfers refer to account ${id}, which does not exist`);
  }
}

function checkCurrenciesSumToZero(
  accounts: readonly AccountBalances[],
  report: (problem: string) => void,
): void {
  const sums = new Map<string, { posted: bigint; pending: bigint }>();
  for (const account of accounts) {
    const sum = sums.get(account.currency) ?? { posted: 0n, pending: 0n };
    sum.posted += account.debitsPosted - account.creditsPosted;
    sum.pending += account.debitsPending - account.creditsPending;
    sums.set(account.currency, sum);
  }
  for (const [currency, sum] of sums) {
    if (sum.posted !== 0n) report(`${currency}: posted balances sum to ${sum.posted}, not zero`);
    if (sum.pending !== 0n) report(`${currency}: pending balances sum to ${sum.pending}, not zero`);
  }
}

function checkOpenPendings(
  stored: Set<string>,
  derived: Set<string>,
  report: (problem: string) => void,
): void {
  for (const id of derived)
    if (!stored.has(id)) report(`pending ${id} is open but missing from open_pendings`);
  for (const id of stored)
    if (!derived.has(id)) report(`open_pendings lists ${id}, which is not open`);
}
