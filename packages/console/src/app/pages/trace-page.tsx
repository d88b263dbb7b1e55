import { segment } from "../api-client.ts";
import { navigate } from "../router.tsx";
import { formValues, TextField } from "../ui/fields.tsx";
import { jsonText } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { RecordTable } from "../ui/record-table.tsx";
import { useResource } from "../ui/use-resource.ts";

type Records = readonly Readonly<Record<string, unknown>>[];

interface Trace {
  readonly query: string;
  readonly operation: Readonly<Record<string, unknown>> | null;
  readonly transfers: Records;
  readonly bankCalls: Records;
  readonly inquiries: Records;
  readonly notices: Records;
  readonly webhooks: Records;
  readonly auditEntries: Records;
}

/** The end-to-end story of one payment, found by any id it carries. */
export function TracePage({ anyId }: { readonly anyId: string | undefined }) {
  const trace = useResource<Trace>(anyId === undefined ? undefined : `/traces/${segment(anyId)}`);
  const search = (event: Event) => {
    const { id = "" } = formValues(event);
    if (id !== "") navigate(`/trace/${encodeURIComponent(id)}`);
  };
  const data = trace.data;
  return (
    <>
      <h1>Trace{anyId === undefined ? "" : ` of ${anyId}`}</h1>
      <form class="inline-form" onSubmit={search} aria-label="Trace a payment">
        <TextField
          label="Any id: transfer, operation, agreement, bank transaction, event"
          name="id"
          value={anyId ?? ""}
          required
        />
        <button type="submit">Trace</button>
      </form>
      <ProblemNotice problem={trace.problem} />
      {data !== undefined && (
        <>
          <section aria-labelledby="trace-operation">
            <h2 id="trace-operation">Operation</h2>
            {data.operation === null ? (
              <p class="muted">No bank operation: a transfer between participants only.</p>
            ) : (
              <dl class="record">
                {Object.entries(data.operation).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{jsonText(value)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <TraceSection title="Ledger transfers" records={data.transfers} />
          <TraceSection title="Calls to the bank" records={data.bankCalls} />
          <TraceSection title="Status inquiries" records={data.inquiries} />
          <TraceSection title="Notices received" records={data.notices} />
          <TraceSection title="Webhooks sent" records={data.webhooks} />
          <TraceSection title="Audit entries" records={data.auditEntries.map(auditRecord)} />
        </>
      )}
    </>
  );
}

/** An audit entry as the trace shows it: who, what, on what; the chain's hashes stay in the log. */
function auditRecord(entry: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const { hash: _hash, prevHash: _prevHash, actor, ...rest } = entry;
  const name = (actor as { name?: unknown } | undefined)?.name;
  return { ...rest, actor: typeof name === "string" ? name : actor };
}

function TraceSection({ title, records }: { readonly title: string; readonly records: Records }) {
  return (
    <section>
      <h2>{title}</h2>
      <RecordTable caption={title} records={records} />
    </section>
  );
}
