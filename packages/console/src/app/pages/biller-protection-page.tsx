import { useRef } from "preact/hooks";
import { billerProtectionRefreshMs } from "../biller-protection-refresh.ts";
import { Link } from "../router.tsx";
import {
  nextPair,
  noReadings,
  type ReadingPair,
  type TrafficCounts,
  type TrafficRow,
  trafficRates,
} from "../traffic-rates.ts";
import { Time } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useResource } from "../ui/use-resource.ts";
import { trafficClasses } from "../vocabulary.ts";
import { BillerCapacityTable, type BillerCapacityUse } from "./biller-capacity-table.tsx";
import { BillerEndpointsTable } from "./biller-endpoints-table.tsx";
import { type ChannelTraffic, ChannelTrafficTable } from "./channel-traffic-table.tsx";

interface BillerProtection {
  readonly at: string;
  readonly channels: readonly ChannelTraffic[];
  readonly billers: readonly BillerCapacityUse[];
}

/** One section per biller, by id: those whose capacity the gate read, and any seen only in the counts. */
function billersShown(protection: BillerProtection): string[] {
  const ids = new Set(protection.billers.map((biller) => biller.billerId));
  for (const row of protection.channels) ids.add(row.billerId);
  return [...ids].sort();
}

/** A biller's rows, by channel and then in the vocabulary's order of classes. */
function rowsOf(protection: BillerProtection, billerId: string): ChannelTraffic[] {
  const classOrder = (row: TrafficRow) =>
    trafficClasses.indexOf(row.trafficClass as (typeof trafficClasses)[number]);
  return protection.channels
    .filter((row) => row.billerId === billerId)
    .sort((a, b) => a.channelId.localeCompare(b.channelId) || classOrder(a) - classOrder(b));
}

/**
 * The rates come from the last two readings at different hub times; the pair is kept across
 * renders and moves on only when a new reading arrives.
 */
function useRates(reading: BillerProtection | undefined): ReadonlyMap<string, TrafficCounts> {
  const pair = useRef<ReadingPair<BillerProtection>>(noReadings);
  if (reading !== undefined && reading !== pair.current.later) {
    pair.current = nextPair(pair.current, reading);
  }
  return trafficRates(pair.current);
}

export function BillerProtectionPage() {
  const protection = useResource<BillerProtection>("/biller-protection", billerProtectionRefreshMs);
  const rates = useRates(protection.data);
  const { data } = protection;
  const billerIds = data === undefined ? [] : billersShown(data);
  return (
    <>
      <h1>Biller protection</h1>
      <p class="muted" data-testid="protection-at">
        What the admission gate in front of the billers lets through, queues, serves from the cache
        and sheds, refreshed every {billerProtectionRefreshMs / 1000} s
        {data !== undefined && (
          <>
            {" "}
            · as of <Time at={data.at} />
          </>
        )}
      </p>
      <ProblemNotice problem={protection.problem} />
      {data !== undefined && billerIds.length === 0 && (
        <p>No call to a biller has reached this hub node's gate since it started.</p>
      )}
      {/* Busy while a reading is on its way: it replaces the figures when it arrives. */}
      <div aria-busy={protection.loading} data-testid="protection-figures">
        {data !== undefined &&
          billerIds.map((billerId) => {
            const capacity = data.billers.find((biller) => biller.billerId === billerId);
            return (
              <section key={billerId} aria-labelledby={`biller-${billerId}`} data-biller={billerId}>
                <h2 id={`biller-${billerId}`}>
                  <Link href={`/participants/${encodeURIComponent(billerId)}`}>{billerId}</Link>
                </h2>
                {capacity === undefined ? (
                  <p class="muted">
                    Every request was answered from the cache: this node has not read the biller's
                    capacity.
                  </p>
                ) : (
                  <BillerCapacityTable capacity={capacity} />
                )}
                <ChannelTrafficTable
                  billerId={billerId}
                  rows={rowsOf(data, billerId)}
                  rates={rates}
                />
                {capacity !== undefined && (
                  <BillerEndpointsTable billerId={billerId} endpoints={capacity.endpoints} />
                )}
              </section>
            );
          })}
      </div>
    </>
  );
}
