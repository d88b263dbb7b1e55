import { setImmediate } from "node:timers/promises";
import { sql } from "kysely";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { Hub } from "../hub.ts";
import { BulkTransferSource } from "./bench-settlement-transfers.ts";
import { type BulkWrite, bulkWriter } from "./bench-settlement-writers.ts";
import { round } from "./bench-store.ts";
import { type Progress, progressBar } from "./progress-bar.ts";

/**
 * The network `clearhub bench settle` closes windows over: participants registered through the
 * hub's participant service (each with its position, settlement and fee accounts), then posted
 * transfers between their positions loaded straight into the ledger's tables in journal batches,
 * with a correct hash chain and balances, into the open window.
 */
export interface SettlementLoadOptions {
  readonly participants: number;
  readonly transfers: number;
  readonly progress: (line: string) => void;
}

export interface LoadedNetwork {
  readonly currency: string;
  readonly participantIds: readonly string[];
  readonly positionAccountIds: readonly number[];
  /** Each participant's net over the loaded transfers: received − sent, in minor units. */
  readonly expectedNets: ReadonlyMap<string, bigint>;
  readonly loadSeconds: number;
  readonly loadTransfersPerSecond: number;
}

export const settlementBenchCurrency = "CNY";
/** High enough never to bind: the bench measures settlement, not refusals. */
const netDebitCapMinor = 10n ** 15n;
/** Registrations in flight at once: each is a few round trips of its own. */
const registrationsInFlight = 8;
/** Batches per transaction: commits are rare, and a group is made in tens of milliseconds. */
const batchesPerGroup = 4;
const progressIntervalMs = 1000;

export function settlementParticipantId(index: number): string {
  return `settle-p${String(index).padStart(5, "0")}`;
}

async function registerParticipants(
  hub: Hub,
  count: number,
  progress: (line: string) => void,
): Promise<{ participantIds: string[]; positionAccountIds: number[] }> {
  const participantIds = Array.from({ length: count }, (_, index) =>
    settlementParticipantId(index),
  );
  const positionAccountIds = new Array<number>(count);
  let next = 0;
  const registrar = async () => {
    while (next < count) {
      const index = next++;
      const id = participantIds[index] as string;
      const registered = await hub.participants.register(
        {
          id,
          name: `Settlement bench participant ${index}`,
          kind: index % 2 === 0 ? "bank" : "payment_institution",
          currencies: [{ currency: settlementBenchCurrency, netDebitCap: netDebitCapMinor }],
        },
        hubActor,
      );
      if (!registered.ok) throw new Error(`registering ${id}: ${registered.code}`);
      const position = await hub.participantStore.findAccount(
        id,
        settlementBenchCurrency,
        "position",
      );
      if (position === undefined) throw new Error(`${id} has no position account`);
      positionAccountIds[index] = position.id;
    }
  };
  await Promise.all(Array.from({ length: registrationsInFlight }, registrar));
  progress(`  ${count} participants registered`);
  return { participantIds, positionAccountIds };
}

/**
 * PostgreSQL plans by statistics its autovacuum gathers as tables grow over the day; a bulk load
 * gives it no time to, and without them it plans a window's bilateral sum as a nested loop. Only
 * the tables the load wrote: a bare ANALYZE would take every schema of the database.
 */
async function gatherStatistics(hub: Hub): Promise<void> {
  if (hub.database.dialect !== "postgres") return;
  await sql`analyze transfers, accounts, journal`.execute(hub.database.kysely);
}

/**
 * Makes the groups and writes them, one write in flight: the next group is made (on this
 * process's core) while the database takes in the last (on its own).
 */
async function writeAll(
  source: BulkTransferSource,
  write: BulkWrite,
  options: SettlementLoadOptions,
): Promise<void> {
  const report = loadProgress(options);
  let writing: Promise<void> = Promise.resolve();
  let group = source.nextGroup(batchesPerGroup);
  while (group !== undefined) {
    await writing;
    writing = write(group);
    // Awaited before the next write, which rethrows a failure; until then it is not unhandled.
    writing.catch(() => {});
    report.advance(group.transfers);
    // A turn of the event loop between groups, so the write in flight streams on.
    await setImmediate();
    group = source.nextGroup(batchesPerGroup);
  }
  await writing;
  report.stop();
}

/**
 * The CLI's progress bar on a terminal; elsewhere (a log, a pipe) a line a second, so a long
 * load still shows it advances.
 */
function loadProgress(options: SettlementLoadOptions): Progress {
  if (process.stderr.isTTY) return progressBar("transfers", options.transfers);
  const started = performance.now();
  let reported = started;
  let done = 0;
  return {
    advance: (count = 1) => {
      done += count;
      if (performance.now() - reported < progressIntervalMs) return;
      reported = performance.now();
      const rate = Math.round(done / ((reported - started) / 1000));
      options.progress(`  ${done} / ${options.transfers} transfers loaded (${rate}/s)`);
    },
    stop: () => {},
  };
}

/**
 * Registers the participants, opens the window, and loads the transfers into it. The ledger
 * must be idle meanwhile: the load writes its tables without the group commit's locks.
 */
export async function loadSettlementNetwork(
  hub: Hub,
  options: SettlementLoadOptions,
): Promise<LoadedNetwork> {
  const { participantIds, positionAccountIds } = await registerParticipants(
    hub,
    options.participants,
    options.progress,
  );
  await hub.settlement.openWindows();
  const source = new BulkTransferSource({
    accountIds: positionAccountIds,
    currency: settlementBenchCurrency,
    transfers: options.transfers,
    head: await hub.ledgerStore.readJournalHead(),
  });
  const started = performance.now();
  await writeAll(source, bulkWriter(hub.database, positionAccountIds), options);
  await gatherStatistics(hub);
  const loadSeconds = (performance.now() - started) / 1000;
  const expectedNets = new Map<string, bigint>();
  participantIds.forEach((id, index) => {
    expectedNets.set(id, BigInt(source.credits[index] ?? 0) - BigInt(source.debits[index] ?? 0));
  });
  return {
    currency: settlementBenchCurrency,
    participantIds,
    positionAccountIds,
    expectedNets,
    loadSeconds: round(loadSeconds),
    loadTransfersPerSecond: loadSeconds === 0 ? 0 : Math.round(options.transfers / loadSeconds),
  };
}
