import { type VerifyReport, verifyLedger } from "../app/ledger/verify-ledger.ts";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { TransferRequest } from "../domain/ledger/transfer.ts";
import { type Hub, openHub } from "../hub.ts";
import { benchRowLockReference, type RowLockReferenceResult } from "./bench-row-lock-reference.ts";
import { openBenchStore, percentile, round } from "./bench-store.ts";

export interface LedgerBenchOptions {
  readonly backend: "sqlite" | "postgres";
  readonly databaseUrl: string;
  readonly transfers: number;
  readonly accounts: number;
  /** Share of transfers whose debit side is the one hot account. */
  readonly hot: number;
  /** Transfers in flight at once: each virtual caller waits for its answer before sending the next. */
  readonly concurrency: number;
  readonly batchDelayMs: number;
  /** How long to run the row-lock reference; 0 skips it. */
  readonly referenceSeconds: number;
  readonly progress: (line: string) => void;
}

export interface LedgerBenchResult {
  readonly backend: string;
  readonly transfers: number;
  readonly accounts: number;
  readonly hot: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly transfersPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly batches: number;
  readonly meanBatchSize: number;
  readonly meanCommitMs: number;
  readonly failed: number;
  readonly verified: boolean;
  readonly verifyProblems: readonly string[];
  /** The row-lock-per-transfer reference on the same database, and how many times faster we are. */
  readonly referenceTransfersPerSecond: number | null;
  readonly speedupOverReference: number | null;
}

/** Transactions the reference keeps in flight: as many as the connection pool lends. */
const referenceConcurrency = 4;

const benchCurrency = "CNY";

/** One position account per participant, `count` of them, with caps high enough never to bind. */
async function createAccounts(hub: Hub, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const id = `bench-${String(index).padStart(4, "0")}`;
    await hub.participants.register(
      {
        id,
        name: `Bench participant ${index}`,
        kind: index % 2 === 0 ? "payment_institution" : "bank",
        currencies: [{ currency: benchCurrency, netDebitCap: 10n ** 15n }],
      },
      hubActor,
    );
    const position = await hub.participantStore.findAccount(id, benchCurrency, "position");
    if (position === undefined) throw new Error(`bench account for ${id} missing`);
    ids.push(position.id);
  }
  return ids;
}

async function runReference(
  hub: Hub,
  options: LedgerBenchOptions,
): Promise<RowLockReferenceResult | undefined> {
  if (options.referenceSeconds === 0) return undefined;
  options.progress(
    `  reference: one transaction and two row locks per transfer, for ${options.referenceSeconds} s…`,
  );
  return benchRowLockReference(hub.database, {
    accounts: options.accounts,
    hot: options.hot,
    concurrency: referenceConcurrency,
    durationMs: options.referenceSeconds * 1000,
  });
}

interface LoadResult {
  readonly seconds: number;
  readonly failed: number;
  /** Milliseconds from submission to answer, one per transfer, sorted. */
  readonly latencies: Float64Array;
}

/** Random transfers over `accountIds`, debiting the first (hot) account `hot` of the time. */
export function transferGenerator(
  accountIds: readonly number[],
  hot: number,
  currency = benchCurrency,
) {
  const hotAccount = accountIds[0] as number;
  const pick = () => accountIds[Math.floor(Math.random() * accountIds.length)] as number;
  return (index: number): TransferRequest => {
    const debit = Math.random() < hot ? hotAccount : pick();
    let credit = pick();
    while (credit === debit) credit = pick();
    return {
      kind: "posted",
      id: `b${index}`,
      debitAccountId: debit,
      creditAccountId: credit,
      amount: BigInt(1 + (index % 1000)),
      currency,
    };
  };
}

/** `concurrency` closed-loop callers, each sending its next transfer once the last is answered. */
async function driveLoad(
  hub: Hub,
  accountIds: readonly number[],
  options: LedgerBenchOptions,
): Promise<LoadResult> {
  const nextRequest = transferGenerator(accountIds, options.hot);
  const latencies = new Float64Array(options.transfers);
  let issued = 0;
  let failed = 0;
  let done = 0;
  const started = performance.now();
  const ticker = setInterval(
    () => options.progress(`  ${done} / ${options.transfers} transfers`),
    1000,
  );
  const caller = async () => {
    while (issued < options.transfers) {
      const index = issued++;
      const sent = performance.now();
      const code = await hub.ledger.submitOne(nextRequest(index));
      latencies[index] = performance.now() - sent;
      if (code !== "ok") failed++;
      done++;
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, options.transfers) }, caller),
    );
  } finally {
    clearInterval(ticker);
  }
  return { seconds: (performance.now() - started) / 1000, failed, latencies: latencies.sort() };
}

/**
 * Drives the group-commit ledger with `concurrency` closed-loop callers until `transfers` are
 * answered, verifies the whole ledger as `clearhub verify` does, then runs the reference.
 */
export async function benchLedger(options: LedgerBenchOptions): Promise<LedgerBenchResult> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  let batches = 0;
  let commitMsTotal = 0;
  const hub = await openHub({
    ...store.config,
    expirePendings: false,
    // The bench measures the ledger alone; no endpoint exists, so nothing would be sent anyway.
    dispatchWebhooks: false,
    poolSizeMax: 4,
    groupCommit: {
      batchDelayMs: options.batchDelayMs,
      onBatch: (_size, commitMs) => {
        batches++;
        commitMsTotal += commitMs;
      },
    },
  });
  try {
    const accountIds = await createAccounts(hub, options.accounts);
    options.progress(
      `${options.backend}: ${accountIds.length} accounts ready, sending ${options.transfers} transfers with ${options.concurrency} in flight`,
    );
    const load = await driveLoad(hub, accountIds, options);
    options.progress("  verifying the ledger…");
    const report: VerifyReport = await verifyLedger(hub.ledgerStore);
    const transfersPerSecond = Math.round(options.transfers / load.seconds);
    const reference = await runReference(hub, options);
    return {
      backend: options.backend,
      transfers: options.transfers,
      accounts: accountIds.length,
      hot: options.hot,
      concurrency: options.concurrency,
      seconds: round(load.seconds),
      transfersPerSecond,
      p50Ms: round(percentile(load.latencies, 0.5)),
      p99Ms: round(percentile(load.latencies, 0.99)),
      batches,
      meanBatchSize: round(options.transfers / Math.max(batches, 1), 1),
      meanCommitMs: round(commitMsTotal / Math.max(batches, 1)),
      failed: load.failed,
      verified: report.ok && report.transfers === options.transfers,
      verifyProblems: report.problems,
      referenceTransfersPerSecond: reference?.transfersPerSecond ?? null,
      speedupOverReference:
        reference === undefined
          ? null
          : round(transfersPerSecond / reference.transfersPerSecond, 1),
    };
  } finally {
    await hub.close();
    await store.dispose();
  }
}
