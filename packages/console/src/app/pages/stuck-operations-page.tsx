import { apiRequest, segment, withQuery } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import { Link, useLocation } from "../router.tsx";
import type { Role } from "../session.ts";
import { DataTable } from "../ui/data-table.tsx";
import { TextField } from "../ui/fields.tsx";
import { FilterForm } from "../ui/filter-form.tsx";
import { Badge, counted, Money, Time } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";

interface StuckOperation {
  readonly participantId: string;
  readonly id: string;
  readonly kind: string;
  readonly bankId: string;
  readonly amount: string;
  readonly currency: string;
  readonly transactionId: string | null;
  readonly state: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly ageSeconds: number;
}

const olderThanSecondsDefault = "60";

/** Bank operations in UNKNOWN, or pending for longer than a threshold, with "inquire now". */
export function StuckOperationsPage({ role }: { readonly role: Role }) {
  const { query } = useLocation();
  const olderThanSeconds = query.get("olderThanSeconds") ?? olderThanSecondsDefault;
  const stuck = useResource<{ items: readonly StuckOperation[] }>(
    withQuery("/stuck-operations", { olderThanSeconds }),
  );
  const action = useAction();
  const inquire = (operation: StuckOperation) =>
    void action.run(async () => {
      const { body } = await apiRequest<{ state?: string }>(
        "POST",
        `/bank-operations/${segment(operation.participantId)}/${segment(operation.id)}/inquire`,
      );
      stuck.reload();
      return `Asked the bank about ${operation.id}${body?.state === undefined ? "" : `: now ${body.state}`}.`;
    });
  const mayInquire = mayDo(role, "bank_operation.inquire");
  return (
    <>
      <h1>Stuck operations</h1>
      <p class="muted">
        Payments, payouts and refunds whose outcome is UNKNOWN, or pending longer than the
        threshold.
      </p>
      <FilterForm
        path="/stuck-operations"
        names={["olderThanSeconds"]}
        label="Threshold"
        submitLabel="Show"
      >
        <TextField
          label="Older than (seconds)"
          name="olderThanSeconds"
          value={olderThanSeconds}
          inputMode="numeric"
        />
      </FilterForm>
      <ProblemNotice problem={stuck.problem} />
      <ActionOutcome action={action} />
      {stuck.data !== undefined && stuck.data.items.length === 0 && <p>Nothing is stuck.</p>}
      {stuck.data !== undefined && stuck.data.items.length > 0 && (
        <DataTable
          caption={`${counted(stuck.data.items.length, "stuck operation", "stuck operations")}, oldest first`}
          columns={[
            "Operation",
            "Kind",
            "State",
            "Institution",
            "Bank",
            { label: "Amount", numeric: true },
            { label: "Age (s)", numeric: true },
            "Updated",
            mayInquire && "Action",
          ]}
        >
          {stuck.data.items.map((operation) => (
            <tr key={`${operation.participantId}/${operation.id}`} data-operation={operation.id}>
              <th scope="row">
                <Link href={`/trace/${encodeURIComponent(operation.id)}`}>{operation.id}</Link>
              </th>
              <td>{operation.kind}</td>
              <td>
                <Badge value={operation.state} />
              </td>
              <td>{operation.participantId}</td>
              <td>{operation.bankId}</td>
              <td class="number">
                <Money amount={operation.amount} currency={operation.currency} />
              </td>
              <td class="number">{operation.ageSeconds}</td>
              <td>
                <Time at={operation.updatedAt} />
              </td>
              {mayInquire && (
                <td>
                  <button type="button" disabled={action.busy} onClick={() => inquire(operation)}>
                    Inquire now
                  </button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
