import { DataTable } from "../ui/data-table.tsx";
import { SelectField, TextField } from "../ui/fields.tsx";
import { FilterForm } from "../ui/filter-form.tsx";
import { counted, jsonText, Time } from "../ui/format.tsx";
import { NextPageLink } from "../ui/next-page-link.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useCursorPage } from "../ui/use-cursor-page.ts";
import { useResource } from "../ui/use-resource.ts";
import { auditActions } from "../vocabulary.ts";

interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: { kind: string; id: string; name: string };
  readonly action: string;
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly hash: string;
}

interface ChainVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly firstBroken: { seq: number; problem: string } | null;
}

/** An entry's details as `name: value` pairs, one per line, values as compact JSON. */
function Details({ details }: { readonly details: Readonly<Record<string, unknown>> }) {
  return (
    <ul class="details">
      {Object.entries(details).map(([name, value]) => (
        <li key={name}>
          <span class="muted">{name}:</span> <code>{jsonText(value)}</code>
        </li>
      ))}
    </ul>
  );
}

function ChainStatus() {
  const chain = useResource<ChainVerification>("/audit-log/verification");
  if (chain.problem !== undefined) return <ProblemNotice problem={chain.problem} />;
  if (chain.data === undefined) return <p class="muted">Verifying the chain…</p>;
  const { ok, entries, firstBroken } = chain.data;
  return (
    <p
      class={ok ? "chain chain-ok" : "chain chain-broken"}
      role="status"
      data-testid="chain-status"
    >
      {ok
        ? `Chain verified: ${entries} entries, every link holds.`
        : `Chain BROKEN at entry ${firstBroken?.seq} (${firstBroken?.problem}); ${entries} entries before it verified.`}{" "}
      <button type="button" onClick={chain.reload}>
        Verify again
      </button>
    </p>
  );
}

export function AuditLogPage() {
  const { filters, page } = useCursorPage<AuditEntry>("/audit-log", ["action", "subject"], 100);
  return (
    <>
      <h1>Audit log</h1>
      <ChainStatus />
      <FilterForm path="/audit-log" names={["action", "subject"]} label="Filter the audit log">
        <SelectField
          label="Action"
          name="action"
          value={filters.action}
          options={["", ...auditActions]}
        />
        <TextField
          label="Subject"
          name="subject"
          value={filters.subject}
          placeholder="participant:bank-east"
        />
      </FilterForm>
      <ProblemNotice problem={page.problem} />
      {page.data !== undefined && (
        <DataTable
          caption={`${counted(page.data.items.length, "entry", "entries")}, newest first`}
          columns={[
            { label: "Seq", numeric: true },
            "At",
            "Operator",
            "Action",
            "Subject",
            "Details",
          ]}
        >
          {page.data.items.map((entry) => (
            <tr key={entry.seq} data-seq={entry.seq}>
              <th scope="row" class="number">
                {entry.seq}
              </th>
              <td>
                <Time at={entry.at} />
              </td>
              <td>{entry.actor.name}</td>
              <td>{entry.action}</td>
              <td>{entry.subject}</td>
              <td>
                <Details details={entry.details} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <NextPageLink path="/audit-log" filters={filters} nextCursor={page.data?.nextCursor}>
        Older entries
      </NextPageLink>
    </>
  );
}
