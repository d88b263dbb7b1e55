import { type NetPosition, netStanding } from "../settlement-report.ts";
import { DataTable } from "../ui/data-table.tsx";
import { Money } from "../ui/format.tsx";

/** A net position in words: "owes 25.50", the sign alone being easy to misread. */
function Standing({ net, currency }: { readonly net: string; readonly currency: string }) {
  const standing = netStanding(net);
  if (standing.kind === "square") return <span class="muted">square</span>;
  return (
    <span class={standing.kind === "owes" ? "owing" : "owed"}>
      {standing.kind} <Money amount={standing.amount} currency={currency} />
    </span>
  );
}

/** Each participant's gross flows over the window and what they net to. */
export function SettlementPositionsTable({
  positions,
  currency,
}: {
  readonly positions: readonly NetPosition[];
  readonly currency: string;
}) {
  if (positions.length === 0) {
    return <p class="muted">No participant sent or received anything in this window.</p>;
  }
  return (
    <DataTable
      caption="Net positions: received − sent; a negative net is owed to the others"
      columns={[
        "Participant",
        { label: "Gross sent", numeric: true },
        { label: "Gross received", numeric: true },
        { label: "Net", numeric: true },
        "Standing",
      ]}
    >
      {positions.map((position) => (
        <tr
          key={position.accountId}
          data-position={position.participantId}
          class={netStanding(position.net).kind === "owes" ? "owing-row" : undefined}
        >
          <th scope="row">{position.participantId}</th>
          <td class="number">
            <Money amount={position.grossSent} />
          </td>
          <td class="number">
            <Money amount={position.grossReceived} />
          </td>
          <td class="number" data-field="net">
            <Money amount={position.net} />
          </td>
          <td data-field="standing">
            <Standing net={position.net} currency={currency} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
