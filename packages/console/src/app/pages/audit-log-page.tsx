import { withQuery } from "../api-client.ts";
import { Link, navigate, pathWithQuery, useLocation } from "../router.tsx";
import { formValues, SelectField, TextField } from "../ui/fields.tsx";
import { counted, jsonText, Time } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
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

interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly nextCursor: string | null;
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
  const { query } = useLocation();
  const action = query.get("action") ?? "";
  const subject = query.get("subject") ?? "";
  const cursor = query.get("cursor") ?? "";
  const page = useResource<AuditPage>(
    withQuery("/audit-log", { action, subject, cursor, limit: 100 }),
  );
  const filter = (event: Event) => {
    const values = formValues(event);
    navigate(
      pathWithQuery("/audit-log", { action: values.action ?? "", subject: values.subject ?? "" }),
    );
  };
  return (
    <>
      <h1>Audit log</h1>
      <ChainStatus />
      <form class="filters" onSubmit={filter} aria-label="Filter the audit log">
        <SelectField label="Action" name="action" value={action} options={["", ...auditActions]} />
        <TextField
          label="Subject"
          name="subject"
          value={subject}
          placeholder="participant:bank-east"
        />
        <button type="submit">Filter</button>
      </form>
      <ProblemNotice problem={page.problem} />
      {page.data !== undefined && (
        <div class="table-wrap">
          <table>
            <caption>{counted(page.data.items.length, "entry", "entries")}, newest first</caption>
            <thead>
              <tr>
                <th scope="col" class="number">
                  Seq
                </th>
                <th scope="col">At</th>
                <th scope="col">Operator</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      {page.data?.nextCursor != null && (
        <p>
          <Link
            href={pathWithQuery("/audit-log", { action, subject, cursor: page.data.nextCursor })}
          >
            Older entries
          </Link>
        </p>
      )}
    </>
  );
}
