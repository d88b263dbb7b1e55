import { apiRequest } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import { Link } from "../router.tsx";
import type { Role } from "../session.ts";
import { DataTable } from "../ui/data-table.tsx";
import { SelectField, TextField } from "../ui/fields.tsx";
import { FilterForm } from "../ui/filter-form.tsx";
import { Badge, counted, Time } from "../ui/format.tsx";
import { NextPageLink } from "../ui/next-page-link.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useCursorPage } from "../ui/use-cursor-page.ts";
import { deliveryStatuses } from "../vocabulary.ts";

interface Delivery {
  readonly id: number;
  readonly participantId: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
}

export function WebhookDeliveriesPage({ role }: { readonly role: Role }) {
  const { filters, page } = useCursorPage<Delivery>(
    "/webhook-deliveries",
    ["status", "participant"],
    100,
  );
  const action = useAction();
  const redeliver = (delivery: Delivery) =>
    void action.run(async () => {
      await apiRequest("POST", `/webhook-deliveries/${delivery.id}/redeliver`);
      page.reload();
      return `Delivery ${delivery.id} (${delivery.eventType}) queued again.`;
    });
  const mayRedeliver = mayDo(role, "webhook.redeliver");
  return (
    <>
      <h1>Webhook deliveries</h1>
      <FilterForm
        path="/webhook-deliveries"
        names={["status", "participant"]}
        label="Filter deliveries"
      >
        <SelectField
          label="Status"
          name="status"
          value={filters.status}
          options={["", ...deliveryStatuses]}
        />
        <TextField label="Participant" name="participant" value={filters.participant} />
      </FilterForm>
      <ProblemNotice problem={page.problem} />
      <ActionOutcome action={action} />
      {page.data !== undefined && (
        <DataTable
          caption={`${counted(page.data.items.length, "delivery", "deliveries")}, newest first`}
          columns={[
            "Delivery",
            "Event",
            "Participant",
            "Endpoint",
            "Status",
            { label: "Attempts", numeric: true },
            "Last error",
            "Created",
            mayRedeliver && "Action",
          ]}
        >
          {page.data.items.map((delivery) => (
            <tr key={delivery.id} data-delivery={delivery.id}>
              <th scope="row">{delivery.id}</th>
              <td>
                {delivery.eventType}
                <br />
                <Link href={`/trace/${encodeURIComponent(delivery.eventId)}`}>
                  <span class="id">{delivery.eventId}</span>
                </Link>
              </td>
              <td>{delivery.participantId}</td>
              <td>{delivery.endpointId}</td>
              <td>
                <Badge value={delivery.status} />
              </td>
              <td class="number">{delivery.attempts}</td>
              <td>{delivery.lastError ?? ""}</td>
              <td>
                <Time at={delivery.createdAt} />
              </td>
              {mayRedeliver && (
                <td>
                  {delivery.status !== "pending" && (
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() => redeliver(delivery)}
                    >
                      Redeliver
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      <NextPageLink
        path="/webhook-deliveries"
        filters={filters}
        nextCursor={page.data?.nextCursor}
      />
    </>
  );
}
