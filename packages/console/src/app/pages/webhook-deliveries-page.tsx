import { apiRequest, withQuery } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import { Link, navigate, pathWithQuery, useLocation } from "../router.tsx";
import type { Role } from "../session.ts";
import { formValues, SelectField, TextField } from "../ui/fields.tsx";
import { Badge, counted, Time } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
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

interface DeliveryPage {
  readonly items: readonly Delivery[];
  readonly nextCursor: string | null;
}

export function WebhookDeliveriesPage({ role }: { readonly role: Role }) {
  const { query } = useLocation();
  const status = query.get("status") ?? "";
  const participant = query.get("participant") ?? "";
  const cursor = query.get("cursor") ?? "";
  const page = useResource<DeliveryPage>(
    withQuery("/webhook-deliveries", { status, participant, cursor, limit: 100 }),
  );
  const action = useAction();
  const redeliver = (delivery: Delivery) =>
    void action.run(async () => {
      await apiRequest("POST", `/webhook-deliveries/${delivery.id}/redeliver`);
      page.reload();
      return `Delivery ${delivery.id} (${delivery.eventType}) queued again.`;
    });
  const filter = (event: Event) => {
    const values = formValues(event);
    navigate(
      pathWithQuery("/webhook-deliveries", {
        status: values.status ?? "",
        participant: values.participant ?? "",
      }),
    );
  };
  const mayRedeliver = mayDo(role, "webhook.redeliver");
  return (
    <>
      <h1>Webhook deliveries</h1>
      <form class="filters" onSubmit={filter} aria-label="Filter deliveries">
        <SelectField
          label="Status"
          name="status"
          value={status}
          options={["", ...deliveryStatuses]}
        />
        <TextField label="Participant" name="participant" value={participant} />
        <button type="submit">Filter</button>
      </form>
      <ProblemNotice problem={page.problem} />
      <ActionOutcome action={action} />
      {page.data !== undefined && (
        <div class="table-wrap">
          <table>
            <caption>
              {counted(page.data.items.length, "delivery", "deliveries")}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Delivery</th>
                <th scope="col">Event</th>
                <th scope="col">Participant</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Status</th>
                <th scope="col" class="number">
                  Attempts
                </th>
                <th scope="col">Last error</th>
                <th scope="col">Created</th>
                {mayRedeliver && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      {page.data?.nextCursor != null && (
        <p>
          <Link
            href={pathWithQuery("/webhook-deliveries", {
              status,
              participant,
              cursor: page.data.nextCursor,
            })}
          >
            Next page
          </Link>
        </p>
      )}
    </>
  );
}
