import { apiRequest, segment } from "../api-client.ts";
import { ActionForm } from "../ui/action-form.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { ConfirmButton, formValues, SelectField, TextField } from "../ui/fields.tsx";
import { Badge, Time } from "../ui/format.tsx";
import { type Action, useAction } from "../ui/use-action.ts";

// A bank's endpoint migrations: the list with its weight and steps, and the form that starts one.

/** An endpoint migration as the API lists it. */
export interface Migration {
  readonly id: string;
  readonly fromEndpointId: string;
  readonly toEndpointId: string;
  readonly weightPercent: number;
  readonly state: string;
  readonly updatedAt: string;
}

export function Migrations({
  base,
  migrations,
  action,
  onDone,
}: {
  readonly base: string;
  readonly migrations: readonly Migration[];
  readonly action: Action | undefined;
  readonly onDone: () => void;
}) {
  const path = (migration: Migration) => `${base}/endpoint-migrations/${segment(migration.id)}`;
  const setWeight = (migration: Migration) => (event: Event) => {
    const { weightPercent } = formValues(event);
    void action?.run(async () => {
      await apiRequest("PUT", `${path(migration)}/weight`, {
        weightPercent: Number(weightPercent),
      });
      onDone();
      return `Migration ${migration.id} now at ${weightPercent}%.`;
    });
  };
  const step = (migration: Migration, verb: "rollback" | "complete") =>
    void action?.run(async () => {
      await apiRequest("POST", `${path(migration)}/${verb}`);
      onDone();
      return `Migration ${migration.id} ${verb === "rollback" ? "rolled back" : "completed"}.`;
    });
  return (
    <section aria-labelledby="migrations-heading">
      <h2 id="migrations-heading">Migrations</h2>
      {migrations.length === 0 && <p>No migration yet.</p>}
      {migrations.length > 0 && (
        <DataTable
          caption="Migrations of agreements between endpoints"
          columns={[
            "Migration",
            "From → to",
            "State",
            { label: "Weight", numeric: true },
            "Updated",
            action !== undefined && "Action",
          ]}
        >
          {migrations.map((migration) => (
            <tr key={migration.id} data-migration={migration.id}>
              <th scope="row">{migration.id}</th>
              <td>
                {migration.fromEndpointId} → {migration.toEndpointId}
              </td>
              <td>
                <Badge value={migration.state} />
              </td>
              <td class="number" data-field="weightPercent">
                {migration.weightPercent}%
              </td>
              <td>
                <Time at={migration.updatedAt} />
              </td>
              {action !== undefined && (
                <td class="actions">
                  {migration.state === "active" && (
                    <>
                      <form
                        class="inline-form compact"
                        onSubmit={setWeight(migration)}
                        aria-label={`Weight of ${migration.id}`}
                      >
                        <TextField
                          label="Weight %"
                          name="weightPercent"
                          value={String(migration.weightPercent)}
                          inputMode="numeric"
                        />
                        <button type="submit" disabled={action.busy}>
                          Set weight
                        </button>
                      </form>
                      <ConfirmButton
                        confirmLabel={`Roll ${migration.id} back`}
                        disabled={action.busy}
                        onConfirm={() => step(migration, "rollback")}
                      >
                        Roll back
                      </ConfirmButton>
                    </>
                  )}
                  {(migration.state === "active" || migration.state === "completing") &&
                    migration.weightPercent === 100 && (
                      <ConfirmButton
                        confirmLabel={`Re-pin to ${migration.toEndpointId}`}
                        disabled={action.busy}
                        onConfirm={() => step(migration, "complete")}
                      >
                        Complete
                      </ConfirmButton>
                    )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export function NewMigration({
  base,
  endpointIds,
  onDone,
}: {
  readonly base: string;
  readonly endpointIds: readonly string[];
  readonly onDone: () => void;
}) {
  const action = useAction();
  const submit = (event: Event) => {
    const { id, fromEndpointId, toEndpointId, weightPercent } = formValues(event);
    void action.run(async () => {
      await apiRequest("POST", `${base}/endpoint-migrations`, {
        id,
        fromEndpointId,
        toEndpointId,
        weightPercent: Number(weightPercent),
      });
      onDone();
      return `Migration ${id} started.`;
    });
  };
  return (
    <ActionForm
      headingId="new-migration"
      heading="Start a migration"
      submitLabel="Start"
      action={action}
      onSubmit={submit}
    >
      <TextField label="Migration id" name="id" required />
      <SelectField label="From" name="fromEndpointId" options={endpointIds} />
      <SelectField
        label="To"
        name="toEndpointId"
        options={endpointIds}
        value={endpointIds[endpointIds.length - 1]}
      />
      <TextField label="Weight %" name="weightPercent" value="10" inputMode="numeric" />
    </ActionForm>
  );
}
