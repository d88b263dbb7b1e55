import { iso20022SettlementXml } from "../adapters/iso20022/settlement-report-xml.ts";
import { SettlementFiles } from "../app/settlement/settlement-files.ts";
import type { SettlementReport } from "../app/settlement/settlement-report.ts";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { NetPosition } from "../domain/settlement/net-position.ts";
import { type Hub, openHub } from "../hub.ts";
import { type LoadedNetwork, loadSettlementNetwork } from "./bench-settlement-load.ts";
import { type BenchBackend, openBenchStore, round } from "./bench-store.ts";
import { progressBar } from "./progress-bar.ts";
import { settlementFileCount, writeSettlementFiles } from "./settlement-files.ts";

/**
 * `clearhub bench settle`: a window holding many transfers among many participants, closed and
 * exported. A close snapshots the netted accounts at the journal head, so its cost should follow
 * the participants, not the transfers; the load that fills the window is not timed.
 */
export interface SettlementBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  readonly transfers: number;
  readonly participants: number;
  /** Keep the exported files in this directory. */
  readonly out?: string | undefined;
  readonly progress: (line: string) => void;
}

export interface SettlementBenchResult {
  readonly backend: BenchBackend;
  readonly transfers: number;
  readonly participants: number;
  /** The close (snapshot at the head, netting, the next window) and the report (instructions). */
  readonly closeSeconds: number;
  /** Of which the report: the positions read back and the instructions made from them. */
  readonly reportSeconds: number;
  /** Every file of the window made (and written, with `out`). */
  readonly exportSeconds: number;
  /** Of which the bilateral flows, the one export that reads the window's transfers. */
  readonly bilateralSeconds: number;
  /** closeSeconds + exportSeconds. */
  readonly seconds: number;
  readonly windowId: string;
  readonly positions: number;
  readonly instructions: number;
  readonly bilateralPairs: number;
  /** Files exported, of which CSV and of which XML (ISO 20022). */
  readonly files: number;
  readonly csvFiles: number;
  readonly xmlFiles: number;
  readonly out: string | null;
  readonly loadSeconds: number;
  readonly loadTransfersPerSecond: number;
  /** The positions sum to zero and each is what the loaded transfers imply. */
  readonly consistent: boolean;
  readonly problems: readonly string[];
}

/** A throwaway store and a hub on it with the network loaded, lent to `use`, then disposed. */
export async function withLoadedNetwork<T>(
  options: Omit<SettlementBenchOptions, "out">,
  use: (hub: Hub, network: LoadedNetwork) => Promise<T>,
): Promise<T> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  try {
    const hub = await openHub({
      ...store.config,
      expirePendings: false,
      dispatchWebhooks: false,
      poolSizeMax: 4,
    });
    try {
      options.progress(
        `${options.backend}: registering ${options.participants} participants, loading ${options.transfers} transfers`,
      );
      const network = await loadSettlementNetwork(hub, options);
      options.progress(
        `  loaded in ${network.loadSeconds} s (${network.loadTransfersPerSecond} transfers/s)`,
      );
      return await use(hub, network);
    } finally {
      await hub.close();
    }
  } finally {
    await store.dispose();
  }
}

/** What is wrong with the window's positions, given what the load put in it; empty if nothing. */
export function positionProblems(
  positions: readonly NetPosition[],
  expected: ReadonlyMap<string, bigint>,
): string[] {
  const problems: string[] = [];
  const sum = positions.reduce((total, position) => total + position.net, 0n);
  if (sum !== 0n) problems.push(`positions sum to ${sum}, not zero`);
  const found = new Map(positions.map((position) => [position.participantId, position.net]));
  for (const [participantId, net] of expected) {
    const actual = found.get(participantId) ?? 0n;
    if (actual !== net) problems.push(`${participantId}: net ${actual}, loaded ${net}`);
  }
  for (const participantId of found.keys()) {
    if (!expected.has(participantId)) problems.push(`${participantId}: in the window, not loaded`);
  }
  return problems;
}

interface Exported {
  readonly names: readonly string[];
  readonly bilateralPairs: number;
  readonly bilateralSeconds: number;
}

/**
 * The window's files as the hub makes them (CSV and ISO 20022, `SettlementFiles`), made in
 * memory, or made and written when `out` is given. The bilateral flows are the one part that
 * reads the window's transfers (it sums them per pair), so their read is timed on its own too.
 */
async function exportWindow(
  hub: Hub,
  report: SettlementReport,
  out: string | undefined,
): Promise<Exported> {
  const bilateral = { ms: 0, pairs: 0 };
  const timed: ConstructorParameters<typeof SettlementFiles>[0] = {
    report: (windowId) => hub.settlement.report(windowId),
    bilateral: async (window) => {
      const started = performance.now();
      const pairs = await hub.settlement.bilateral(window);
      bilateral.ms += performance.now() - started;
      bilateral.pairs = pairs.length;
      return pairs;
    },
  };
  const files = new SettlementFiles(timed, iso20022SettlementXml, "UTC");
  let names: string[];
  if (out === undefined) {
    names = (await files.all(report)).map((file) => file.name);
  } else {
    const progress = progressBar("files", settlementFileCount(report));
    names = (await writeSettlementFiles(out, report, files, progress)).map((file) => file.name);
    progress.stop();
  }
  return { names, bilateralPairs: bilateral.pairs, bilateralSeconds: bilateral.ms / 1000 };
}

/** Closes the network's open window and exports it, timing both, and checks its positions. */
export async function closeAndExport(
  hub: Hub,
  network: LoadedNetwork,
  options: SettlementBenchOptions,
): Promise<SettlementBenchResult> {
  const [open] = (await hub.settlement.openWindows()).filter(
    (window) => window.currency === network.currency,
  );
  if (open === undefined) throw new Error(`no open ${network.currency} window`);
  options.progress(`closing ${open.id}…`);
  const started = performance.now();
  const closed = await hub.settlement.close(
    network.currency,
    { kind: "window", windowId: open.id },
    hubActor,
  );
  if (closed.kind !== "closed") throw new Error(`${open.id} did not close: ${closed.kind}`);
  const reportStarted = performance.now();
  const report = await hub.settlement.report(open.id);
  if (report === undefined) throw new Error(`${open.id} has no report`);
  const closeEnded = performance.now();
  options.progress("exporting…");
  const exported = await exportWindow(hub, report, options.out);
  const exportEnded = performance.now();
  const problems = positionProblems(report.positions, network.expectedNets);
  return {
    backend: options.backend,
    transfers: options.transfers,
    participants: options.participants,
    closeSeconds: round((closeEnded - started) / 1000),
    reportSeconds: round((closeEnded - reportStarted) / 1000),
    exportSeconds: round((exportEnded - closeEnded) / 1000),
    bilateralSeconds: round(exported.bilateralSeconds),
    seconds: round((exportEnded - started) / 1000),
    windowId: open.id,
    positions: report.positions.length,
    instructions: report.instructions.length,
    bilateralPairs: exported.bilateralPairs,
    files: exported.names.length,
    csvFiles: exported.names.filter((name) => name.endsWith(".csv")).length,
    xmlFiles: exported.names.filter((name) => name.endsWith(".xml")).length,
    out: options.out ?? null,
    loadSeconds: network.loadSeconds,
    loadTransfersPerSecond: network.loadTransfersPerSecond,
    consistent: problems.length === 0,
    problems: problems.slice(0, 20),
  };
}

/** Loads the window, then times its close (with the report) and its export. */
export function benchSettlement(options: SettlementBenchOptions): Promise<SettlementBenchResult> {
  return withLoadedNetwork(options, (hub, network) => closeAndExport(hub, network, options));
}
