import { overviewRowsShownMax } from "@clearhub/console";
import { issueOperatorToken } from "../api/operator-auth.ts";
import { type ApiServer, buildServer } from "../api/server.ts";
import { hubActor } from "../domain/audit/audit-actor.ts";
import { type Hub, openHub } from "../hub.ts";
import { type PageLoadFigures, timeConsolePageLoads } from "./bench-console-browser.ts";
import { type ConsoleSeedOptions, seedConsoleNetwork } from "./bench-console-seed.ts";
import {
  type BenchBackend,
  openBenchStore,
  openKeptBenchSchema,
  percentile,
  round,
} from "./bench-store.ts";

export interface ConsoleBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  /** A PostgreSQL schema to seed once and keep (reused by later runs); unset, a throwaway one. */
  readonly keptSchema: string | undefined;
  readonly participants: number;
  readonly transfers: number;
  /** Requests of each kind measured, one at a time, after a warm-up of a tenth as many. */
  readonly samples: number;
  /** Page loads of the console measured in Chromium; 0 skips the browser. */
  readonly pageLoads: number;
  readonly chromiumPath: string;
  readonly progress: (line: string) => void;
}

export interface ConsoleBenchResult {
  readonly backend: BenchBackend;
  readonly participants: number;
  readonly transfers: number;
  /** 0 when a kept schema already held the seed. */
  readonly seedSeconds: number;
  readonly seedTransfersPerSecond: number;
  readonly seedFailed: number;
  readonly overviewP50Ms: number;
  readonly overviewP99Ms: number;
  readonly searchP50Ms: number;
  readonly searchP99Ms: number;
  /** Pages of the search answered and how many transfers they held, to show the searches found work. */
  readonly searchItemsMean: number;
  /** The slowest console page load measured (the first, uncached, as a rule); null: not measured. */
  readonly firstPageInteractiveMs: number | null;
  readonly pageLoads: PageLoadFigures | null;
}

const searchPageSize = 50;

/** Milliseconds of `count` sequential calls of `call`, sorted. */
async function timeCalls(count: number, call: (index: number) => Promise<void>) {
  const durations = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    await call(index);
    durations[index] = performance.now() - started;
  }
  return durations.sort();
}

async function getJson(base: string, token: string, path: string): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

interface Measured {
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function summary(durations: Float64Array): Measured {
  return { p50Ms: round(percentile(durations, 0.5)), p99Ms: round(percentile(durations, 0.99)) };
}

async function measureOverview(
  base: string,
  token: string,
  options: ConsoleBenchOptions,
): Promise<Measured> {
  const call = async () => {
    const overview = (await getJson(base, token, "/operator/v1/network-overview")) as {
      currencies: { participants: unknown[] }[];
    };
    const rows = overview.currencies.reduce((sum, each) => sum + each.participants.length, 0);
    if (rows < options.participants) throw new Error(`the overview lists only ${rows} positions`);
  };
  await timeCalls(Math.ceil(options.samples / 10), call);
  return summary(await timeCalls(options.samples, call));
}

/** One participant's transfers within a window of the seeding time, as an operator searches. */
async function measureSearch(
  base: string,
  token: string,
  participantIds: readonly string[],
  window: { from: number; to: number },
  options: ConsoleBenchOptions,
): Promise<Measured & { itemsMean: number }> {
  let items = 0;
  // `to` is exclusive: one past the last batch's millisecond, so even a 1 ms seed is searchable.
  const span = window.to + 1 - window.from;
  const call = async (index: number) => {
    const participant = participantIds[(index * 37) % participantIds.length] as string;
    const from = window.from + Math.floor((span * (index % 10)) / 20);
    const to = from + Math.ceil(span / 2);
    const query = new URLSearchParams({
      participant,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      limit: String(searchPageSize),
    });
    const page = (await getJson(base, token, `/operator/v1/transfers?${query}`)) as {
      items: unknown[];
    };
    items += page.items.length;
  };
  await timeCalls(Math.ceil(options.samples / 10), call);
  items = 0;
  const durations = await timeCalls(options.samples, call);
  return { ...summary(durations), itemsMean: round(items / options.samples, 1) };
}

/** When the ledger's first and last batches were written: the searches look inside it. */
async function seedWindow(hub: Hub): Promise<{ from: number; to: number }> {
  const span = await hub.database.kysely
    .selectFrom("journal")
    .select(({ fn }) => [fn.min("created_at").as("from"), fn.max("created_at").as("to")])
    .executeTakeFirstOrThrow();
  return { from: Number(span.from), to: Number(span.to) };
}

async function measurePageLoads(
  hub: Hub,
  base: string,
  participantIds: readonly string[],
  options: ConsoleBenchOptions,
): Promise<PageLoadFigures | null> {
  if (options.pageLoads === 0) return null;
  options.progress(`measuring the console's first page in Chromium (${options.pageLoads} loads)…`);
  const name = `bench-viewer-${Date.now()}`;
  const created = await hub.operatorAccounts.create({ name, role: "viewer" }, hubActor);
  if (!created.ok) throw new Error(`creating the bench's console operator: ${created.code}`);
  return timeConsolePageLoads({
    base,
    chromiumPath: options.chromiumPath,
    operator: { name, password: created.value.password },
    // Every participant holds the one currency, and the operator holds it too.
    rowsExpected: Math.min(participantIds.length + 1, overviewRowsShownMax),
    loads: options.pageLoads,
  });
}

async function listen(hub: Hub): Promise<{ server: ApiServer; base: string }> {
  const server = await buildServer(hub);
  await server.listen({ host: "127.0.0.1", port: 0 });
  const address = server.server.address();
  if (address === null || typeof address !== "object") throw new Error("no listening address");
  return { server, base: `http://127.0.0.1:${address.port}` };
}

/**
 * Seeds a network of `participants` and `transfers` through the hub's own services, then
 * measures, over real HTTP, what an operator waits for: the network overview, a transfer search
 * by participant and time range, and the console's first page in Chromium.
 */
export async function benchConsole(options: ConsoleBenchOptions): Promise<ConsoleBenchResult> {
  const store =
    options.keptSchema === undefined
      ? await openBenchStore(options.backend, options.databaseUrl)
      : await openKeptBenchSchema(options.databaseUrl, options.keptSchema);
  try {
    const hub = await openHub({
      ...store.config,
      expirePendings: false,
      dispatchWebhooks: false,
      inquireBankOperations: false,
    });
    try {
      const seedOptions: ConsoleSeedOptions = {
        participants: options.participants,
        transfers: options.transfers,
        submissionSize: 1000,
        submissionsInFlight: 8,
        progress: options.progress,
      };
      const seeded = await seedConsoleNetwork(hub, seedOptions);
      const window = await seedWindow(hub);
      const { server, base } = await listen(hub);
      try {
        const { token } = await issueOperatorToken(hub, "bench console", hubActor, {
          role: "viewer",
        });
        options.progress(`measuring the network overview (${options.samples} requests)…`);
        const overview = await measureOverview(base, token, options);
        options.progress(`measuring transfer search (${options.samples} requests)…`);
        const search = await measureSearch(base, token, seeded.participantIds, window, options);
        const pageLoads = await measurePageLoads(hub, base, seeded.participantIds, options);
        return {
          backend: options.backend,
          participants: options.participants,
          transfers: options.transfers,
          seedSeconds: seeded.seedSeconds,
          seedTransfersPerSecond: seeded.transfersPerSecond,
          seedFailed: seeded.failed,
          overviewP50Ms: overview.p50Ms,
          overviewP99Ms: overview.p99Ms,
          searchP50Ms: search.p50Ms,
          searchP99Ms: search.p99Ms,
          searchItemsMean: search.itemsMean,
          firstPageInteractiveMs: pageLoads?.interactiveMaxMs ?? null,
          pageLoads,
        };
      } finally {
        await server.close();
      }
    } finally {
      await hub.close();
    }
  } finally {
    await store.dispose();
  }
}
