import { apiRequest } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import { Link } from "../router.tsx";
import type { Role } from "../session.ts";
import { ActionForm } from "../ui/action-form.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { formValues, SelectField, TextField } from "../ui/fields.tsx";
import { FilterForm } from "../ui/filter-form.tsx";
import { Badge, counted, Time } from "../ui/format.tsx";
import { NextPageLink } from "../ui/next-page-link.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useCursorPage } from "../ui/use-cursor-page.ts";
import { participantKinds, participantStatuses } from "../vocabulary.ts";

export interface ParticipantSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly status: string;
  readonly createdAt: string;
}

export function ParticipantsPage({ role }: { readonly role: Role }) {
  const { filters, page } = useCursorPage<ParticipantSummary>(
    "/participants",
    ["kind", "status"],
    100,
  );
  return (
    <>
      <h1>Participants</h1>
      <FilterForm path="/participants" names={["kind", "status"]} label="Filter participants">
        <SelectField
          label="Kind"
          name="kind"
          value={filters.kind}
          options={["", ...participantKinds]}
        />
        <SelectField
          label="Status"
          name="status"
          value={filters.status}
          options={["", ...participantStatuses]}
        />
      </FilterForm>
      <ProblemNotice problem={page.problem} />
      {page.data !== undefined && (
        <DataTable
          caption={counted(page.data.items.length, "participant", "participants")}
          columns={["Id", "Name", "Kind", "Status", "Since"]}
        >
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
        </DataTable>
      )}
      <NextPageLink path="/participants" filters={filters} nextCursor={page.data?.nextCursor} />
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
    <ActionForm
      headingId="onboard"
      heading="Onboard a participant"
      submitLabel="Onboard"
      action={action}
      onSubmit={submit}
    >
      <TextField label="Id" name="id" required />
      <TextField label="Name" name="name" required />
      <SelectField label="Kind" name="kind" options={participantKinds.slice(0, 3)} />
      <TextField label="Currency" name="currency" value="CNY" required />
      <TextField label="Net debit cap" name="netDebitCap" inputMode="decimal" required />
    </ActionForm>
  );
}
