/**
 * Per-second rates from the biller-protection route's cumulative counters: the difference
 * between two readings over the hub's time between them. Pure, so it is tested without a page.
 *
 * The counters are one hub node's since it started. A counter that went down means the reading
 * came from another node or a restarted one: that row has no rate until the next pair, rather
 * than a negative or invented one. A row first seen in the later reading started at zero.
 */

export const countedFields = ["requests", "cacheHits", "queued", "admitted", "shed"] as const;
export type CountedField = (typeof countedFields)[number];

export type TrafficCounts = Readonly<Record<CountedField, number>>;

export interface TrafficRow extends TrafficCounts {
  readonly billerId: string;
  readonly channelId: string;
  readonly trafficClass: string;
}

export interface TrafficReading {
  /** When the hub read the counters (ISO 8601). */
  readonly at: string;
  readonly channels: readonly TrafficRow[];
}

/** Two readings to compare: `earlier` is the last one read at an earlier time than `later`. */
export interface ReadingPair<R extends TrafficReading = TrafficReading> {
  readonly earlier: R | undefined;
  readonly later: R | undefined;
}

export const noReadings: ReadingPair<never> = { earlier: undefined, later: undefined };

/** One row's identity across readings. */
export function rowKey(row: Pick<TrafficRow, "billerId" | "channelId" | "trafficClass">): string {
  return `${row.billerId} ${row.channelId} ${row.trafficClass}`;
}

/**
 * The pair after a new reading. A reading at the same time as the latest (the hub's clock did
 * not move) replaces it but keeps the earlier one, so the rates stay; a reading from before the
 * latest (another node's clock) starts over, since no honest interval spans them.
 */
export function nextPair<R extends TrafficReading>(
  pair: ReadingPair<R>,
  reading: R,
): ReadingPair<R> {
  const { later } = pair;
  if (later === undefined) return { earlier: undefined, later: reading };
  const stepMs = Date.parse(reading.at) - Date.parse(later.at);
  if (stepMs > 0) return { earlier: later, later: reading };
  if (stepMs === 0) return { earlier: pair.earlier, later: reading };
  return { earlier: undefined, later: reading };
}

/**
 * Each row's counts per second between the pair's readings, by `rowKey`; empty without two
 * readings at different times. A row whose counter went down has no entry.
 */
export function trafficRates(pair: ReadingPair): ReadonlyMap<string, TrafficCounts> {
  const rates = new Map<string, TrafficCounts>();
  const { earlier, later } = pair;
  if (earlier === undefined || later === undefined) return rates;
  const seconds = (Date.parse(later.at) - Date.parse(earlier.at)) / 1000;
  if (!(seconds > 0)) return rates;
  const before = new Map(earlier.channels.map((row) => [rowKey(row), row]));
  for (const row of later.channels) {
    const rate = rowRate(before.get(rowKey(row)), row, seconds);
    if (rate !== undefined) rates.set(rowKey(row), rate);
  }
  return rates;
}

function rowRate(
  before: TrafficCounts | undefined,
  after: TrafficCounts,
  seconds: number,
): TrafficCounts | undefined {
  const rate: Partial<Record<CountedField, number>> = {};
  for (const field of countedFields) {
    const grown = after[field] - (before?.[field] ?? 0);
    if (grown < 0) return undefined;
    rate[field] = grown / seconds;
  }
  return rate as TrafficCounts;
}

/** A rate as the page shows it, to one decimal. */
export function rateText(perSecond: number): string {
  return `${perSecond.toFixed(1)}/s`;
}
