import { fileURLToPath } from "node:url";
import { defaultChannelQuota, gateDefaults } from "../app/billers/biller-admission-gate.ts";
import type { Hub } from "../hub.ts";
import { BenchChild } from "./bench-child.ts";
import { perRequest, withCpuMs } from "./bench-figures.ts";
import {
  type FloodBiller,
  type FloodChannel,
  type FloodNetwork,
  floodingChannelId,
  setUpFloodNetwork,
} from "./bench-flood-network.ts";
import type {
  FloodDriverMessage,
  FloodKindStats,
  FloodParentMessage,
  FloodStream,
} from "./bench-flood-protocol.ts";
import { type BenchHub, startBenchHub } from "./bench-hub.ts";
import { operatorApi } from "./bench-network.ts";
import { type BenchBackend, openBenchStore, round } from "./bench-store.ts";

export interface FloodBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  /** Redis for the admission state (shared by every node, as in production); memory without. */
  readonly redisUrl?: string | undefined;
  /** Seconds of each run: without the flood, then with it. */
  readonly seconds: number;
  /** Seconds of the steady traffic before the first run, not measured. */
  readonly warmupSeconds: number;
  /** Per steady channel and biller: people's inquiries and payments per second. */
  readonly userInquiriesPerSecond: number;
  readonly paymentsPerSecond: number;
  /** The flooding channel's scheduled inquiries, in multiples of its scheduled quota. */
  readonly floodFactor: number;
  /** Customers per biller, and how many of them the flood asks about half the time. */
  readonly customers: number;
  readonly hotCustomers: number;
  readonly progress: (line: string) => void;
}

export interface FloodChannelFigures {
  readonly channelId: string;
  readonly flooding: boolean;
  /** Payments answered `accepted` over payments sent; null when the channel pays nothing. */
  readonly paymentSuccessRate: number | null;
  readonly byKind: readonly FloodKindStats[];
}

export interface FloodBillerFigures {
  readonly billerId: string;
  readonly inquiriesPerSecond: number;
  readonly postingsPerSecond: number;
  /** The one rate the simulator holds the hub to: inquiries and postings per second together. */
  readonly declaredPerSecond: number;
  /** The most requests that reached the biller in one second, as the biller counted them. */
  readonly peakPerSecond: number;
  readonly loadRatio: number;
  readonly requests: number;
  readonly peakInFlight: number;
  readonly concurrentCallsMax: number;
}

export interface FloodRunFigures {
  readonly flood: boolean;
  readonly seconds: number;
  readonly channels: readonly FloodChannelFigures[];
  readonly billers: readonly FloodBillerFigures[];
  /** Bill payments still posting when the run's wait for them ended (0: every one settled). */
  readonly postingsUnsettled: number;
  /** Requests the channels sent, and the hub's CPU time (this process's) per request. */
  readonly requests: number;
  readonly hubCpuMsPerRequest: number;
}

export interface FloodBenchResult {
  readonly backend: BenchBackend;
  readonly admissionStore: "memory" | "redis";
  readonly seconds: number;
  readonly floodFactor: number;
  /** The flooding channel's scheduled inquiries per second, to all billers together. */
  readonly floodPerSecond: number;
  readonly baseline: FloodRunFigures;
  readonly flooded: FloodRunFigures;
  /** The lowest payment success rate of a steady channel in the flood run. */
  readonly othersSuccessRate: number;
  /** The highest ratio of a steady channel's payment p99 with the flood to its p99 without. */
  readonly othersP99Ratio: number;
  /** The highest peak per second any biller measured over its declared rate, both runs. */
  readonly maxBillerLoadRatio: number;
  /** Of the flood's scheduled inquiries: answered by a biller, from the cache, refused 429. */
  readonly floodFromBiller: number;
  readonly floodFromCache: number;
  readonly floodShed: number;
  /** Neither answered nor refused 429: a server error, or no answer at all. */
  readonly floodFailed: number;
  /**
   * The targets: the others all paid and their p99 within 1.2×; no biller past its rate; the
   * flood answered by billers (within their spare capacity), from cache, or refused 429, and
   * refused at least once, nothing else.
   */
  readonly targets: {
    readonly othersAllPaid: boolean;
    readonly othersP99Within: boolean;
    readonly billersWithinCapacity: boolean;
    readonly floodCachedOrShed: boolean;
  };
}

type FloodDriver = BenchChild<FloodParentMessage, FloodDriverMessage>;

const paymentAmount = "1.00";
const p99RatioTarget = 1.2;
const settleTimeoutMs = 30_000;
const settlePollMs = 200;

const driverFile = fileURLToPath(new URL("./bench-flood-driver.ts", import.meta.url));

/** A steady channel: people's inquiries and payments to every biller, well within quotas. */
function steadyStreams(billers: readonly FloodBiller[], options: FloodBenchOptions): FloodStream[] {
  const streams = billers.flatMap((biller) => [
    {
      kind: "user_inquiry" as const,
      billerId: biller.billerId,
      perSecond: options.userInquiriesPerSecond,
      customers: options.customers,
      hotCustomers: options.hotCustomers,
    },
    {
      kind: "payment" as const,
      billerId: biller.billerId,
      perSecond: options.paymentsPerSecond,
      customers: options.customers,
      hotCustomers: options.hotCustomers,
    },
  ]);
  return streams.filter((stream) => stream.perSecond > 0);
}

/** The flood: scheduled inquiries to every biller at `floodFactor` times the channel's quota there. */
function floodStreams(billers: readonly FloodBiller[], options: FloodBenchOptions): FloodStream[] {
  return billers.map((biller) => ({
    kind: "scheduled_inquiry" as const,
    billerId: biller.billerId,
    perSecond:
      options.floodFactor *
      defaultChannelQuota(biller.capacity, "scheduled_inquiry", gateDefaults.scheduledQuotaPercent),
    customers: options.customers,
    hotCustomers: options.hotCustomers,
  }));
}

async function startDriver(
  origin: string,
  channel: FloodChannel,
  streams: readonly FloodStream[],
): Promise<FloodDriver> {
  const driver: FloodDriver = new BenchChild(driverFile, `driver of ${channel.channelId}`);
  await driver.ask(
    {
      type: "configure",
      config: {
        origin,
        channelId: channel.channelId,
        keyId: channel.keyId,
        privateKeyPkcs8: channel.privateKeyPkcs8,
        streams,
        amount: paymentAmount,
      },
    },
    "ready",
  );
  return driver;
}

async function unsettledPostings(hub: Hub): Promise<number> {
  const row = await hub.database.kysely
    .selectFrom("bill_payments")
    .select((eb) => eb.fn.countAll<number | bigint | string>().as("n"))
    .where("state", "in", ["accepted", "posting"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Waits until every payment of the run reached its biller, so its postings count in the run. */
async function awaitPostings(hub: Hub): Promise<number> {
  const deadline = performance.now() + settleTimeoutMs;
  let left = await unsettledPostings(hub);
  while (left > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, settlePollMs));
    left = await unsettledPostings(hub);
  }
  return left;
}

async function billerFigures(biller: FloodBiller): Promise<FloodBillerFigures> {
  const load = await biller.process.load();
  return {
    billerId: biller.billerId,
    inquiriesPerSecond: biller.capacity.inquiriesPerSecond,
    postingsPerSecond: biller.capacity.postingsPerSecond,
    declaredPerSecond: biller.declaredPerSecond,
    peakPerSecond: load.peakPerSecond,
    loadRatio: round(load.peakPerSecond / biller.declaredPerSecond),
    requests: load.startedTotal,
    peakInFlight: load.peakInFlight,
    concurrentCallsMax: biller.capacity.concurrentCallsMax,
  };
}

function paymentSuccessRate(byKind: readonly FloodKindStats[]): number | null {
  const payments = byKind.find((stats) => stats.kind === "payment");
  if (payments === undefined || payments.sent === 0) return null;
  return round(payments.succeeded / payments.sent, 4);
}

interface Drivers {
  readonly steady: readonly { channel: FloodChannel; driver: FloodDriver }[];
  readonly flooding: { channel: FloodChannel; driver: FloodDriver };
}

/** One run: the steady channels, and the flooding one when `flood`; billers measured afresh. */
async function runOnce(
  hub: Hub,
  network: FloodNetwork,
  drivers: Drivers,
  label: string,
  flood: boolean,
  options: FloodBenchOptions,
): Promise<FloodRunFigures> {
  await Promise.all(network.billers.map((biller) => biller.process.resetLoad()));
  const durationMs = options.seconds * 1000;
  const running = [...drivers.steady, ...(flood ? [drivers.flooding] : [])];
  const { value: answers, cpuMs } = await withCpuMs(() =>
    Promise.all(
      running.map(async ({ channel, driver }) => ({
        channel,
        ran: await driver.ask({ type: "run", label, durationMs }, "ran"),
      })),
    ),
  );
  const requests = answers
    .flatMap(({ ran }) => ran.stats)
    .reduce((sum, stats) => sum + stats.sent, 0);
  const hubCpuMsPerRequest = perRequest(cpuMs, requests);
  const postingsUnsettled = await awaitPostings(hub);
  const billers = await Promise.all(network.billers.map(billerFigures));
  const channels = answers.map(({ channel, ran }) => ({
    channelId: channel.channelId,
    flooding: channel.channelId === floodingChannelId,
    paymentSuccessRate: paymentSuccessRate(ran.stats),
    byKind: ran.stats,
  }));
  return {
    flood,
    seconds: options.seconds,
    channels,
    billers,
    postingsUnsettled,
    requests,
    hubCpuMsPerRequest,
  };
}

function paymentP99(run: FloodRunFigures, channelId: string): number {
  const channel = run.channels.find((figures) => figures.channelId === channelId);
  return channel?.byKind.find((stats) => stats.kind === "payment")?.p99Ms ?? 0;
}

function summarise(
  baseline: FloodRunFigures,
  flooded: FloodRunFigures,
): Omit<
  FloodBenchResult,
  "backend" | "admissionStore" | "seconds" | "floodFactor" | "floodPerSecond"
> {
  const others = flooded.channels.filter((channel) => !channel.flooding);
  const othersSuccessRate = Math.min(...others.map((channel) => channel.paymentSuccessRate ?? 1));
  const othersP99Ratio = Math.max(
    ...others.map((channel) => {
      const without = paymentP99(baseline, channel.channelId);
      return without === 0 ? 0 : round(paymentP99(flooded, channel.channelId) / without);
    }),
  );
  const maxBillerLoadRatio = Math.max(
    ...[...baseline.billers, ...flooded.billers].map((biller) => biller.loadRatio),
  );
  const scheduled = flooded.channels
    .find((channel) => channel.flooding)
    ?.byKind.find((stats) => stats.kind === "scheduled_inquiry");
  const floodShed = Object.entries(scheduled?.failedByCode ?? {})
    .filter(([code]) => code.startsWith("429 "))
    .reduce((sum, [, n]) => sum + n, 0);
  const floodFromCache = scheduled?.fromCache ?? 0;
  const floodFailed = (scheduled?.sent ?? 0) - (scheduled?.succeeded ?? 0) - floodShed;
  return {
    baseline,
    flooded,
    othersSuccessRate,
    othersP99Ratio,
    maxBillerLoadRatio,
    floodFromBiller: (scheduled?.succeeded ?? 0) - floodFromCache,
    floodFromCache,
    floodShed,
    floodFailed,
    targets: {
      othersAllPaid: othersSuccessRate === 1,
      othersP99Within: othersP99Ratio <= p99RatioTarget,
      billersWithinCapacity: maxBillerLoadRatio <= 1,
      floodCachedOrShed: floodShed > 0 && floodFailed === 0,
    },
  };
}

async function measure(
  hub: Hub,
  origin: string,
  network: FloodNetwork,
  options: FloodBenchOptions,
): Promise<ReturnType<typeof summarise> & { floodPerSecond: number }> {
  const steadyChannels = network.channels.filter((c) => c.channelId !== floodingChannelId);
  const floodingChannel = network.channels.find((c) => c.channelId === floodingChannelId);
  if (floodingChannel === undefined) throw new Error("no flooding channel");
  const flood = floodStreams(network.billers, options);
  const started: FloodDriver[] = [];
  const start = async (channel: FloodChannel, streams: FloodStream[]) => {
    const driver = await startDriver(origin, channel, streams);
    started.push(driver);
    return { channel, driver };
  };
  try {
    const steady = [];
    for (const channel of steadyChannels) {
      steady.push(await start(channel, steadyStreams(network.billers, options)));
    }
    const drivers: Drivers = { steady, flooding: await start(floodingChannel, flood) };
    if (options.warmupSeconds > 0) {
      options.progress(`warming up: ${options.warmupSeconds} s of the steady traffic`);
      await runOnce(hub, network, drivers, "warmup", false, {
        ...options,
        seconds: options.warmupSeconds,
      });
    }
    options.progress(`run 1: ${options.seconds} s of the steady traffic alone`);
    const baseline = await runOnce(hub, network, drivers, "baseline", false, options);
    const floodPerSecond = flood.reduce((sum, stream) => sum + stream.perSecond, 0);
    options.progress(
      `run 2: ${options.seconds} s of the same, with ${floodingChannel.channelId} sending ${floodPerSecond} scheduled inquiries/s (${options.floodFactor}× its quota)`,
    );
    const flooded = await runOnce(hub, network, drivers, "flood", true, options);
    return { ...summarise(baseline, flooded), floodPerSecond };
  } finally {
    await Promise.all(started.map((driver) => driver.close({ type: "exit" })));
  }
}

/**
 * Three channels and three billers, each biller a simulator in its own process measuring the
 * load it receives; each channel a driver process of its own. Steady channels send people's
 * inquiries and payments open loop, first alone, then while the third floods scheduled
 * inquiries: the figures show whether the flood costs the others anything and whether any
 * biller received more than it declared.
 */
export async function benchFlood(options: FloodBenchOptions): Promise<FloodBenchResult> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  const admissionStore = options.redisUrl === undefined ? "memory" : "redis";
  let bench: BenchHub | undefined;
  let network: FloodNetwork | undefined;
  try {
    bench = await startBenchHub(store.config, "bench flood", {
      redisUrl: options.redisUrl,
      // Each run its own keys, so no count of an earlier run's is found.
      redisKeyPrefix: `clearhub-bench-flood-${process.pid}-${Date.now()}:`,
    });
    const { hub, origin } = bench;
    options.progress(
      `${options.backend}, admission state in ${admissionStore}: starting 3 simulated billers, ${options.customers} customers each…`,
    );
    network = await setUpFloodNetwork(
      operatorApi(origin, bench.operatorToken),
      origin,
      options.customers,
    );
    const measured = await measure(hub, origin, network, options);
    return {
      backend: options.backend,
      admissionStore,
      seconds: options.seconds,
      floodFactor: options.floodFactor,
      ...measured,
    };
  } finally {
    await network?.close();
    await bench?.close();
    await store.dispose();
  }
}
