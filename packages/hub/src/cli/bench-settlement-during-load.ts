import { setTimeout } from "node:timers/promises";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { Hub } from "../hub.ts";
import { latencySummary, perSecond } from "./bench-figures.ts";
import { transferGenerator } from "./bench-ledger.ts";
import { type SettlementBenchOptions, withLoadedNetwork } from "./bench-settlement.ts";
import type { LoadedNetwork } from "./bench-settlement-load.ts";
import { round } from "./bench-store.ts";

/**
 * `clearhub bench settle --during-load`: does closing windows slow clearing? Closed-loop callers
 * keep transfers flowing through the group-commit ledger the whole time, while slices without
 * closes alternate with slices in which a window closes every `closeIntervalMs` (through the
 * settlement service, on the same pool). Alternating slices share the machine's other load, so
 * their throughput ratio holds on a shared machine. A close holds the journal head, so every
 * batch waits for it: the ratio is the price of that wait.
 */
export interface DuringLoadOptions extends Omit<SettlementBenchOptions, "out"> {
  /** Measured seconds of each kind of slice, in total. */
  readonly seconds: number;
  readonly sliceSeconds: number;
  readonly closeIntervalMs: number;
  /** Transfers in flight at once: each caller sends its next once the last is answered. */
  readonly concurrency: number;
}

export interface DuringLoadResult {
  readonly backend: SettlementBenchOptions["backend"];
  /** Transfers loaded into the first window before the measurement. */
  readonly transfers: number;
  readonly participants: number;
  readonly concurrency: number;
  readonly slices: number;
  readonly sliceSeconds: number;
  /** Clearing throughput in the slices without closes, and in those with. */
  readonly transfersPerSecondWithoutCloses: number;
  readonly transfersPerSecondWithCloses: number;
  /** With over without: 1 means closing cost clearing nothing. */
  readonly throughputRatio: number;
  readonly closes: number;
  readonly closeP50Ms: number;
  readonly closeMaxMs: number;
  /** Transfers the ledger refused: none are expected. */
  readonly failed: number;
  /** Measured seconds, both kinds of slice together. */
  readonly seconds: number;
  readonly loadSeconds: number;
  readonly loadTransfersPerSecond: number;
}

/** Transfers answered so far, by callers that run until told to stop. */
function startClearing(hub: Hub, network: LoadedNetwork, concurrency: number) {
  const next = transferGenerator(network.positionAccountIds, 0, network.currency);
  const counts = { answered: 0, failed: 0 };
  let stopping = false;
  let issued = 0;
  const caller = async () => {
    while (!stopping) {
      const code = await hub.ledger.submitOne(next(issued++));
      counts.answered++;
      if (code !== "ok") counts.failed++;
    }
  };
  const callers = Promise.all(Array.from({ length: concurrency }, caller));
  return {
    counts,
    stop: async () => {
      stopping = true;
      await callers;
    },
  };
}

/** Closes the open window every `intervalMs` until `endsAt`, answering each close's duration. */
async function closeEvery(
  hub: Hub,
  currency: string,
  window: { id: string },
  intervalMs: number,
  endsAt: number,
): Promise<number[]> {
  const durations: number[] = [];
  for (let due = performance.now(); due < endsAt; due += intervalMs) {
    await setTimeout(Math.max(0, due - performance.now()));
    const started = performance.now();
    const outcome = await hub.settlement.close(
      currency,
      { kind: "window", windowId: window.id },
      hubActor,
    );
    durations.push(performance.now() - started);
    if (outcome.kind !== "closed") throw new Error(`${window.id} did not close: ${outcome.kind}`);
    window.id = outcome.next.id;
  }
  await setTimeout(Math.max(0, endsAt - performance.now()));
  return durations;
}

async function measure(
  hub: Hub,
  network: LoadedNetwork,
  options: DuringLoadOptions,
): Promise<DuringLoadResult> {
  const [open] = await hub.settlement.openWindows();
  if (open === undefined) throw new Error("no open window");
  const window = { id: open.id };
  const sliceMs = options.sliceSeconds * 1000;
  const slices = Math.max(1, Math.round(options.seconds / options.sliceSeconds));
  const clearing = startClearing(hub, network, options.concurrency);
  const totals = { without: { answered: 0, ms: 0 }, with: { answered: 0, ms: 0 } };
  const closeMs: number[] = [];
  const slice = async (closing: boolean) => {
    const before = clearing.counts.answered;
    const started = performance.now();
    if (closing) {
      closeMs.push(
        ...(await closeEvery(
          hub,
          network.currency,
          window,
          options.closeIntervalMs,
          started + sliceMs,
        )),
      );
    } else {
      await setTimeout(sliceMs);
    }
    const total = closing ? totals.with : totals.without;
    total.answered += clearing.counts.answered - before;
    total.ms += performance.now() - started;
    return clearing.counts.answered - before;
  };
  try {
    options.progress(
      `measuring: ${slices} slices of ${options.sliceSeconds} s each way, alternating, ${options.concurrency} transfers in flight`,
    );
    await slice(false); // warm-up: the first batches find cold caches
    for (let index = 0; index < slices; index++) {
      // Which comes first alternates too, so neither kind always follows the other.
      const closesFirst = index % 2 === 1;
      const first = await slice(closesFirst);
      const second = await slice(!closesFirst);
      const [without, withCloses] = closesFirst ? [second, first] : [first, second];
      options.progress(
        `  slice ${index + 1} / ${slices}: ${without} transfers without closes, ${withCloses} with`,
      );
    }
  } finally {
    await clearing.stop();
  }
  const withoutRate = perSecond(totals.without.answered, totals.without.ms / 1000);
  const withRate = perSecond(totals.with.answered, totals.with.ms / 1000);
  const closes = latencySummary(closeMs);
  return {
    backend: options.backend,
    transfers: options.transfers,
    participants: options.participants,
    concurrency: options.concurrency,
    slices,
    sliceSeconds: options.sliceSeconds,
    transfersPerSecondWithoutCloses: withoutRate,
    transfersPerSecondWithCloses: withRate,
    throughputRatio: withoutRate === 0 ? 0 : round(withRate / withoutRate),
    closes: closeMs.length,
    closeP50Ms: closes.p50Ms,
    closeMaxMs: closes.maxMs,
    failed: clearing.counts.failed,
    seconds: round((totals.without.ms + totals.with.ms) / 1000),
    loadSeconds: network.loadSeconds,
    loadTransfersPerSecond: network.loadTransfersPerSecond,
  };
}

export function benchSettlementDuringLoad(options: DuringLoadOptions): Promise<DuringLoadResult> {
  return withLoadedNetwork(options, (hub, network) => measure(hub, network, options));
}
