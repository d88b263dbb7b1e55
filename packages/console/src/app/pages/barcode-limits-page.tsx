import { apiRequest, segment } from "../api-client.ts";
import { type BarcodeLimits, riskLevelNotes, riskLevels } from "../barcode.ts";
import { mayDo } from "../role-policy.ts";
import { Link } from "../router.tsx";
import type { Role } from "../session.ts";
import { ActionForm } from "../ui/action-form.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { formValues, TextField } from "../ui/fields.tsx";
import { Money } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { approvalNotice } from "../vocabulary.ts";

function LimitCell({ amount, currency }: { readonly amount: string | null; currency: string }) {
  if (amount === null) return <span class="muted">no limit</span>;
  return <Money amount={amount} currency={currency} />;
}

/** Proposes a currency's four limits; a blank level has no limit. */
function ProposeLimitsForm() {
  const action = useAction();
  const submit = (event: Event) => {
    const values = formValues(event);
    const currency = (values.currency ?? "").toUpperCase();
    const limits = Object.fromEntries(
      riskLevels.map((level) => [level, values[level] === "" ? null : (values[level] ?? null)]),
    );
    void action.run(async () => {
      const { status, body } = await apiRequest(
        "PUT",
        `/barcode-limits/${segment(currency)}`,
        limits,
      );
      return approvalNotice(status, body, `${currency} limits set.`);
    });
  };
  return (
    <ActionForm
      headingId="propose-limits"
      heading="Propose a currency's limits (four eyes)"
      submitLabel="Propose limits"
      action={action}
      onSubmit={submit}
    >
      <TextField label="Currency" name="currency" required placeholder="CNY" />
      {riskLevels.map((level) => (
        <TextField
          key={level}
          label={`Level ${level}`}
          name={level}
          inputMode="decimal"
          placeholder="no limit"
        />
      ))}
    </ActionForm>
  );
}

/** Each currency's daily limit per payer customer and risk level. */
export function BarcodeLimitsPage({ role }: { readonly role: Role }) {
  const table = useResource<{ items: readonly BarcodeLimits[] }>("/barcode-limits");
  const items = table.data?.items ?? [];
  return (
    <>
      <h1>Barcode limits</h1>
      <p class="muted">
        What one payer customer may pay by barcode in a day, by how the customer verified (PBOC risk
        levels; a static code always counts at D). A currency not listed refuses barcode payments.
        Raising a limit lets more money through, so a change waits for a second operator on the{" "}
        <Link href="/approvals">Approvals</Link> page.
      </p>
      <ProblemNotice problem={table.problem} />
      {table.data !== undefined && items.length === 0 && <p>No currency has limits.</p>}
      {items.length > 0 && (
        <DataTable
          caption="Daily limits per payer customer"
          columns={[
            "Currency",
            ...riskLevels.map((level) => ({ label: `Level ${level}`, numeric: true }) as const),
          ]}
        >
          {items.map((limits) => (
            <tr key={limits.currency} data-currency={limits.currency}>
              <th scope="row">{limits.currency}</th>
              {riskLevels.map((level) => (
                <td key={level} class="number nowrap" data-level={level}>
                  <LimitCell amount={limits[level]} currency={limits.currency} />
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
      <dl class="record" aria-label="Risk levels">
        {riskLevels.map((level) => (
          <div key={level}>
            <dt>Level {level}</dt>
            <dd>{riskLevelNotes[level]}</dd>
          </div>
        ))}
      </dl>
      {mayDo(role, "barcode_limits.change") && <ProposeLimitsForm />}
    </>
  );
}
