import { withQuery } from "../api-client.ts";
import {
  breakKinds,
  breakStates,
  type ReconciliationBreak,
  words,
} from "../reconciliation-break.ts";
import { Link, useLocation } from "../router.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { SelectField, TextField } from "../ui/fields.tsx";
import { FilterForm } from "../ui/filter-form.tsx";
import { Badge, counted, Money } from "../ui/format.tsx";
import { NextPageLink } from "../ui/next-page-link.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useResource } from "../ui/use-resource.ts";

/** Breaks shown at once; a full page links to the next, after its last id. */
const breaksPerPage = 100;
const filterNames = ["participant", "day", "state", "kind"] as const;

export function breakPath(breakId: string): string {
  return `/reconciliation/${encodeURIComponent(breakId)}`;
}

function AmountCell({ amount, currency }: { amount: string | null; currency: string | null }) {
  if (amount === null) return <span class="muted">—</span>;
  return <Money amount={amount} currency={currency ?? undefined} />;
}

function BreakRow({ found }: { readonly found: ReconciliationBreak }) {
  return (
    <tr data-break={found.id}>
      <th scope="row" class="nowrap">
        <Link href={breakPath(found.id)}>{found.id}</Link>
      </th>
      <td>
        <Link href={`/participants/${encodeURIComponent(found.participantId)}`}>
          {found.participantId}
        </Link>
      </td>
      <td class="nowrap">{found.day}</td>
      <td>
        <Badge value={found.kind} family="break" label={words(found.kind)} />
      </td>
      <td>{found.hubTransactionId ?? found.participantReference ?? "—"}</td>
      <td class="number nowrap">
        <AmountCell amount={found.hubAmount} currency={found.currency} />
      </td>
      <td class="number nowrap">
        <AmountCell amount={found.participantAmount} currency={found.currency} />
      </td>
      <td data-field="state">
        <Badge value={found.state} family="break" label={words(found.state)} />
      </td>
    </tr>
  );
}

/** Reconciliation breaks by participant, day, state and kind; each links to its detail. */
export function ReconciliationPage() {
  const { query } = useLocation();
  const filters = Object.fromEntries(filterNames.map((name) => [name, query.get(name) ?? ""]));
  const breaks = useResource<{ items: readonly ReconciliationBreak[] }>(
    withQuery("/reconciliation/breaks", {
      ...filters,
      after: query.get("cursor") ?? "",
      limit: breaksPerPage,
    }),
  );
  const items = breaks.data?.items ?? [];
  const full = items.length === breaksPerPage;
  return (
    <>
      <h1>Reconciliation</h1>
      <p class="muted">
        Differences between the hub's statement of a participant's business day and the record the
        participant uploaded. Each open break is resolved once: accept the hub's record, reverse the
        hub's transfer, or write it off with a reason.
      </p>
      <FilterForm path="/reconciliation" names={filterNames} label="Filter breaks">
        <TextField label="Participant" name="participant" value={filters.participant} />
        <TextField label="Day" name="day" value={filters.day} placeholder="2026-12-07" />
        <SelectField
          label="State"
          name="state"
          value={filters.state}
          options={["", ...breakStates.map((state) => [state, words(state)] as const)]}
        />
        <SelectField
          label="Kind"
          name="kind"
          value={filters.kind}
          options={["", ...breakKinds.map((kind) => [kind, words(kind)] as const)]}
        />
      </FilterForm>
      <ProblemNotice problem={breaks.problem} />
      {breaks.data !== undefined && items.length === 0 && <p>No break matches.</p>}
      {items.length > 0 && (
        <DataTable
          caption={`${counted(items.length, "break", "breaks")}${full ? ", more on the next page" : ""}`}
          columns={[
            "Break",
            "Participant",
            "Day",
            "Kind",
            "Transaction",
            { label: "Hub amount", numeric: true },
            { label: "Participant amount", numeric: true },
            "State",
          ]}
        >
          {items.map((found) => (
            <BreakRow key={found.id} found={found} />
          ))}
        </DataTable>
      )}
      <NextPageLink
        path="/reconciliation"
        filters={filters}
        nextCursor={full ? items[items.length - 1]?.id : null}
      />
    </>
  );
}
