import { DataTable } from "../ui/data-table.tsx";
import { ShareMeter } from "../ui/share-meter.tsx";
import { trafficClasses } from "../vocabulary.ts";
import type { BillerEndpointHealth } from "./biller-endpoints-table.tsx";

/** A biller's capacity as the biller-protection route gives it. */
export interface BillerCapacityUse {
  readonly billerId: string;
  readonly declared: {
    readonly inquiriesPerSecond: number;
    readonly scheduledPerSecondMax: number;
    readonly postingsPerSecond: number;
    readonly callsInFlightMax: number;
    readonly postingSlotsReserved: number;
  };
  readonly used: {
    readonly windowStart: string;
    readonly inquiries: number;
    readonly scheduled: number;
    readonly postings: number;
    readonly callsInFlight: Readonly<Record<string, number>>;
  };
  readonly endpoints: readonly BillerEndpointHealth[];
}

interface Limit {
  readonly id: string;
  readonly label: string;
  readonly declared: number;
  readonly used: number;
  readonly note?: string;
}

function callsInFlight(capacity: BillerCapacityUse): number {
  return Object.values(capacity.used.callsInFlight).reduce((sum, calls) => sum + calls, 0);
}

/** The calls under way by class, only those with any: "user_inquiry 2 · posting 1". */
function callsByClass(capacity: BillerCapacityUse): string {
  return trafficClasses
    .filter((name) => (capacity.used.callsInFlight[name] ?? 0) > 0)
    .map((name) => `${name} ${capacity.used.callsInFlight[name]}`)
    .join(" · ");
}

function limitsOf(capacity: BillerCapacityUse): Limit[] {
  const { declared, used } = capacity;
  return [
    {
      id: "inquiries",
      label: "Inquiries this second",
      declared: declared.inquiriesPerSecond,
      used: used.inquiries,
    },
    {
      id: "scheduled",
      label: "of them scheduled",
      declared: declared.scheduledPerSecondMax,
      used: used.scheduled,
      note: "at most",
    },
    {
      id: "postings",
      label: "Postings this second",
      declared: declared.postingsPerSecond,
      used: used.postings,
    },
    {
      id: "calls",
      label: "Calls in flight",
      declared: declared.callsInFlightMax,
      used: callsInFlight(capacity),
      note: `${declared.postingSlotsReserved} held for postings`,
    },
  ];
}

/**
 * The biller's declared capacity beside its use now. Use is counted across every hub node in
 * the current one-second window, so it falls back to nought each second between bursts.
 */
export function BillerCapacityTable({ capacity }: { readonly capacity: BillerCapacityUse }) {
  const byClass = callsByClass(capacity);
  return (
    <DataTable
      caption="Declared capacity and its use now, across every hub node"
      columns={[
        "Limit",
        { label: "Declared", numeric: true },
        { label: "In use", numeric: true },
        "Used",
      ]}
    >
      {limitsOf(capacity).map((limit) => (
        <tr key={limit.id} data-limit={limit.id}>
          <th scope="row" class={limit.id === "scheduled" ? "sub-row" : undefined}>
            {limit.label}
          </th>
          <td class="number" data-field="declared">
            {limit.declared}
            {limit.note !== undefined && <span class="muted note"> ({limit.note})</span>}
          </td>
          <td class="number" data-field="used">
            {limit.used}
            {limit.id === "calls" && byClass !== "" && (
              <span class="muted note" data-field="by-class">
                {" "}
                ({byClass})
              </span>
            )}
          </td>
          <td>
            <ShareMeter
              used={limit.used}
              max={limit.declared}
              label={`${capacity.billerId}, ${limit.label.toLowerCase()}`}
              of="the declared capacity"
            />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
