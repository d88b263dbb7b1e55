import { apiRequest, segment } from "../api-client.ts";
import { type CodePrefix, codeInstruments, instrumentText } from "../barcode.ts";
import { mayDo } from "../role-policy.ts";
import { Link } from "../router.tsx";
import type { Role } from "../session.ts";
import { ActionForm } from "../ui/action-form.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { ConfirmButton, formValues, SelectField, TextField } from "../ui/fields.tsx";
import { Time } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { approvalNotice } from "../vocabulary.ts";

/** Proposes assigning a prefix; nothing routes by it until a second operator approves. */
function AssignForm() {
  const action = useAction();
  const submit = (event: Event) => {
    const { prefix = "", issuerId = "", instrument = "" } = formValues(event);
    void action.run(async () => {
      const { status, body } = await apiRequest("POST", "/code-prefixes", {
        prefix,
        issuerId,
        instrument,
      });
      return approvalNotice(status, body, `Prefix ${prefix} assigned.`);
    });
  };
  return (
    <ActionForm
      headingId="assign-prefix"
      heading="Assign a prefix (four eyes)"
      submitLabel="Propose assignment"
      action={action}
      onSubmit={submit}
    >
      <TextField label="Prefix (2 to 10 digits)" name="prefix" required inputMode="numeric" />
      <TextField label="Issuer" name="issuerId" required placeholder="wallet-a" />
      <SelectField
        label="Instrument"
        name="instrument"
        options={codeInstruments.map((value) => [value, instrumentText(value)] as const)}
      />
    </ActionForm>
  );
}

/**
 * The code-prefix routing table: which issuer a consumer-presented code or prepaid card number
 * goes to, by its first digits. Assigning and removing are proposals a second operator approves.
 */
export function CodePrefixesPage({ role }: { readonly role: Role }) {
  const table = useResource<{ items: readonly CodePrefix[] }>("/code-prefixes");
  const removal = useAction();
  const mayChange = mayDo(role, "code_prefix.change");
  const remove = (prefix: string) =>
    void removal.run(async () => {
      const { status, body } = await apiRequest("DELETE", `/code-prefixes/${segment(prefix)}`);
      return approvalNotice(status, body, `Prefix ${prefix} removed.`);
    });
  const items = table.data?.items ?? [];
  return (
    <>
      <h1>Code prefixes</h1>
      <p class="muted">
        A payment code or prepaid card number presented at a merchant routes to the issuer its
        prefix is assigned to. No prefix starts another, so each number has one issuer. A change
        takes effect when a second operator approves it on the{" "}
        <Link href="/approvals">Approvals</Link> page.
      </p>
      <ProblemNotice problem={table.problem} />
      <ActionOutcome action={removal} />
      {table.data !== undefined && items.length === 0 && <p>No prefix is assigned.</p>}
      {items.length > 0 && (
        <DataTable
          caption="The routing table, in prefix order"
          columns={["Prefix", "Issuer", "Instrument", "Assigned", mayChange && "Change"]}
        >
          {items.map((entry) => (
            <tr key={entry.prefix} data-prefix={entry.prefix}>
              <th scope="row" class="id">
                {entry.prefix}
              </th>
              <td>
                <Link href={`/participants/${encodeURIComponent(entry.issuerId)}`}>
                  {entry.issuerId}
                </Link>
              </td>
              <td>{instrumentText(entry.instrument)}</td>
              <td class="nowrap">
                <Time at={entry.createdAt} />
              </td>
              {mayChange && (
                <td class="actions">
                  <ConfirmButton
                    confirmLabel={`Propose removing ${entry.prefix}`}
                    onConfirm={() => remove(entry.prefix)}
                    disabled={removal.busy}
                  >
                    Remove…
                  </ConfirmButton>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {mayChange && <AssignForm />}
    </>
  );
}
