import { apiRequest, withQuery } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import { Link, navigate, pathWithQuery, useLocation } from "../router.tsx";
import type { Role } from "../session.ts";
import { formValues, SelectField, TextField } from "../ui/fields.tsx";
import { Badge, Time } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { participantKinds, participantStatuses } from "../vocabulary.ts";

export interface ParticipantSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly status: string;
  readonly createdAt: string;
}

interface ParticipantPage {
  readonly items: readonly ParticipantSummary[];
  readonly nextCursor: string | null;
}

export function ParticipantsPage({ role }: { readonly role: Role }) {
  const { query } = useLocation();
  const kind = query.get("kind") ?? "";
  const status = query.get("status") ?? "";
  const cursor = query.get("cursor") ?? "";
  const page = useResource<ParticipantPage>(
    withQuery("/participants", { kind, status, cursor, limit: 100 }),
  );
  const filter = (event: Event) => {
    const values = formValues(event);
    navigate(
      pathWithQuery("/participants", { kind: values.kind ?? "", status: values.status ?? "" }),
    );
  };
  return (
    <>
      <h1>Participants</h1>
      <form class="filters" onSubmit={filter} aria-label="Filter participants">
        <SelectField label="Kind" name="kind" value={kind} options={["", ...participantKinds]} />
        <SelectField
          label="Status"
          name="status"
          value={status}
          options={["", ...participantStatuses]}
        />
        <button type="submit">Filter</button>
      </form>
      <ProblemNotice problem={page.problem} />
      {page.data !== undefined && (
        <div class="table-wrap">
          <table>
            <caption>
              {page.data.items.length} participant{page.data.items.length === 1 ? "" : "s"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((participant) => (
                <tr key={participant.id} data-participant={participant.id}>
                  <th scope="row">
                    <Link href={`/participants/${encodeURIComponent(participant.id)}`}>
                      {participant.id}
                    </Link>
                  </th>
                  <td>{participant.name}</td>
                  <td>{participant.kind}</td>
                  <td>
                    <Badge value={participant.status} />
                  </td>
                  <td>
                    <Time at={participant.createdAt} />
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
            href={pathWithQuery("/participants", { kind, status, cursor: page.data.nextCursor })}
          >
            Next page
          </Link>
        </p>
      )}
      {mayDo(role, "participant.create") && <CreateParticipant onCreated={page.reload} />}
    </>
  );
}

function CreateParticipant({ onCreated }: { readonly onCreated: () => void }) {
  const action = useAction();
  const submit = (event: Event) => {
    const values = formValues(event);
    void action.run(async () => {
      await apiRequest("POST", "/participants", {
        id: values.id,
        name: values.name,
        kind: values.kind,
        currencies: [{ currency: values.currency, netDebitCap: values.netDebitCap }],
      });
      onCreated();
      return `Participant ${values.id} onboarded.`;
    });
  };
  return (
    <section aria-labelledby="onboard">
      <h2 id="onboard">Onboard a participant</h2>
      <form class="inline-form" onSubmit={submit}>
        <TextField label="Id" name="id" required />
        <TextField label="Name" name="name" required />
        <SelectField label="Kind" name="kind" options={participantKinds.slice(0, 3)} />
        <TextField label="Currency" name="currency" value="CNY" required />
        <TextField label="Net debit cap" name="netDebitCap" inputMode="decimal" required />
        <button type="submit" disabled={action.busy}>
          Onboard
        </button>
      </form>
      <ActionOutcome action={action} />
    </section>
  );
}
