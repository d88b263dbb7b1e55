import { Link } from "../router.tsx";
import {
  type CountedField,
  countedFields,
  rateText,
  rowKey,
  type TrafficCounts,
  type TrafficRow,
} from "../traffic-rates.ts";
import { DataTable } from "../ui/data-table.tsx";
import { shedReasons } from "../vocabulary.ts";

/** One channel's traffic to one biller, of one class, as the biller-protection route counts it. */
export interface ChannelTraffic extends TrafficRow {
  readonly shedBy: Readonly<Record<string, number>>;
}

const fieldLabels: Readonly<Record<CountedField, string>> = {
  requests: "Requests",
  cacheHits: "Cache hits",
  queued: "Queued",
  admitted: "Admitted",
  shed: "Shed",
};

/** The reasons a row was shed for, those with any: "channel_quota 3 · concurrency 1". */
function shedReasonsText(row: ChannelTraffic): string {
  return shedReasons
    .filter((reason) => (row.shedBy[reason] ?? 0) > 0)
    .map((reason) => `${reason} ${row.shedBy[reason]}`)
    .join(" · ");
}

/**
 * The biller's traffic per channel and class: each count since the node started, with its rate
 * over the last refresh under it. Rows with any shed request stand out.
 */
export function ChannelTrafficTable({
  billerId,
  rows,
  rates,
}: {
  readonly billerId: string;
  readonly rows: readonly ChannelTraffic[];
  readonly rates: ReadonlyMap<string, TrafficCounts>;
}) {
  return (
    <DataTable
      caption={`Traffic to ${billerId} per channel on this hub node since it started${rates.size === 0 ? "; rates per second show from the next refresh" : ", with the rate per second over the last refresh under each count"}`}
      columns={[
        "Channel",
        "Class",
        ...countedFields.map((field) => ({ label: fieldLabels[field], numeric: true as const })),
        "Shed for",
      ]}
    >
      {rows.map((row) => {
        const rate = rates.get(rowKey(row));
        return (
          <tr
            key={rowKey(row)}
            data-channel={row.channelId}
            data-class={row.trafficClass}
            class={row.shed > 0 ? "shed-row" : undefined}
          >
            <th scope="row">
              <Link href={`/participants/${encodeURIComponent(row.channelId)}`}>
                {row.channelId}
              </Link>
            </th>
            <td>{row.trafficClass}</td>
            {countedFields.map((field) => (
              <td key={field} class="number" data-field={field}>
                <span class="count">{row[field]}</span>
                {rate !== undefined && <span class="rate muted">{rateText(rate[field])}</span>}
              </td>
            ))}
            <td class="note" data-field="shed-by">
              {shedReasonsText(row)}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
