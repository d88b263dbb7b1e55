import { useState } from "preact/hooks";
import { overviewRowsShownMax } from "../overview-rows.ts";
import { Link } from "../router.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { Badge, Money, Time } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { ShareMeter } from "../ui/share-meter.tsx";
import { useResource } from "../ui/use-resource.ts";

interface Totals {
  readonly position: string;
  readonly netDebitCap: string;
  readonly headroom: string;
  readonly reserve: string;
}

/** A participant's standing in one currency; no cap (and so no headroom) is null. */
interface Position {
  readonly position: string;
  readonly netDebitCap: string | null;
  readonly headroom: string | null;
  readonly reserve: string;
}

interface OverviewParticipant extends Position {
  readonly participantId: string;
  readonly name: string;
  readonly kind: string;
  readonly status: string;
}

interface NetworkOverview {
  readonly at: string;
  readonly currencies: readonly {
    readonly currency: string;
    readonly totals: Totals;
    readonly participants: readonly OverviewParticipant[];
  }[];
}

/** The overview is live: read again this often, without reloading the page. */
export const overviewRefreshMs = 2_000;

/**
 * How much of its cap a participant uses, for the meter only: the amounts shown stay the API's
 * exact decimal strings, a float is good enough for the length of a bar.
 */
function capUse(row: Position): { used: number; cap: number } | undefined {
  if (row.netDebitCap === null || row.headroom === null) return undefined;
  const cap = Number(row.netDebitCap);
  if (!(cap > 0)) return undefined;
  return { used: Math.min(Math.max(cap - Number(row.headroom), 0), cap), cap };
}

function CapMeter({ row, name }: { readonly row: Position; readonly name: string }) {
  if (row.netDebitCap === null) return <span class="muted">no cap</span>;
  const use = capUse(row);
  if (use === undefined) return <span class="muted">may not owe</span>;
  return <ShareMeter used={use.used} max={use.cap} label={name} of="the net debit cap" />;
}

/** Share of the cap in use, for ordering only; participants without a cap come last. */
function capShare(row: Position): number {
  const use = capUse(row);
  return use === undefined ? -1 : use.used / use.cap;
}

/** Nearest their caps first; ties in the API's order (by id), so rows do not jump about. */
function byCapUse(participants: readonly OverviewParticipant[]): OverviewParticipant[] {
  return participants
    .map((row, index) => ({ row, index, share: capShare(row) }))
    .sort((a, b) => b.share - a.share || a.index - b.index)
    .map(({ row }) => row);
}

export function OverviewPage() {
  const overview = useResource<NetworkOverview>("/network-overview", overviewRefreshMs);
  const [showAll, setShowAll] = useState(false);
  return (
    <>
      <h1>Network overview</h1>
      <p class="muted" data-testid="overview-at">
        Positions against net debit caps, refreshed every {overviewRefreshMs / 1000} s
        {overview.data !== undefined && (
          <>
            {" "}
            · as of <Time at={overview.data.at} />
          </>
        )}
      </p>
      <ProblemNotice problem={overview.problem} />
      {overview.data?.currencies.length === 0 && <p>No currency has any participant yet.</p>}
      {overview.data?.currencies.map(({ currency, totals, participants }) => {
        const ordered = byCapUse(participants);
        const shown = showAll ? ordered : ordered.slice(0, overviewRowsShownMax);
        return (
          <section key={currency} aria-labelledby={`overview-${currency}`}>
            <h2 id={`overview-${currency}`}>{currency}</h2>
            <dl class="totals">
              <dt>Positions</dt>
              <dd>
                <Money amount={totals.position} currency={currency} />
              </dd>
              <dt>Net debit caps</dt>
              <dd>
                <Money amount={totals.netDebitCap} currency={currency} />
              </dd>
              <dt>Headroom</dt>
              <dd>
                <Money amount={totals.headroom} currency={currency} />
              </dd>
              <dt>Reserves</dt>
              <dd>
                <Money amount={totals.reserve} currency={currency} />
              </dd>
            </dl>
            <DataTable
              caption={
                shown.length === participants.length
                  ? `Participants holding ${currency}, nearest their caps first`
                  : `The ${shown.length} participants holding ${currency} nearest their caps, of ${participants.length}`
              }
              columns={[
                "Participant",
                "Kind",
                "Status",
                { label: "Position", numeric: true },
                { label: "Net debit cap", numeric: true },
                { label: "Headroom", numeric: true },
                "Cap used",
                { label: "Reserve", numeric: true },
              ]}
            >
              {shown.map((row) => (
                <tr key={row.participantId} data-participant={row.participantId}>
                  <th scope="row">
                    <Link href={`/participants/${encodeURIComponent(row.participantId)}`}>
                      {row.name}
                    </Link>
                    <span class="muted id"> {row.participantId}</span>
                  </th>
                  <td>{row.kind}</td>
                  <td>
                    <Badge value={row.status} />
                  </td>
                  <td class="number" data-field="position">
                    {row.position}
                  </td>
                  <td class="number" data-field="netDebitCap">
                    {row.netDebitCap ?? "none"}
                  </td>
                  <td class="number" data-field="headroom">
                    {row.headroom ?? ""}
                  </td>
                  <td>
                    <CapMeter row={row} name={row.name} />
                  </td>
                  <td class="number" data-field="reserve">
                    {row.reserve}
                  </td>
                </tr>
              ))}
            </DataTable>
            {participants.length > overviewRowsShownMax && (
              <button type="button" onClick={() => setShowAll(!showAll)}>
                {showAll
                  ? `Show the ${overviewRowsShownMax} nearest their caps`
                  : `Show all ${participants.length} participants`}
              </button>
            )}
          </section>
        );
      })}
    </>
  );
}
