import { apiRequest, segment } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import type { Role } from "../session.ts";
import { ActionForm } from "../ui/action-form.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { ConfirmButton, formValues, SelectField, TextField } from "../ui/fields.tsx";
import { Badge, Time } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { approvalNotice, participantStatuses } from "../vocabulary.ts";
import { ChannelSuspensionSection, isChannel } from "./channel-suspension-section.tsx";
import type { ParticipantSummary } from "./participants-page.tsx";

interface Account {
  readonly id: number;
  readonly kind: string;
  readonly currency: string;
  readonly debitsPending: string;
  readonly creditsPending: string;
  readonly balance: string;
  readonly netDebitCap?: string;
}

interface ParticipantDetail extends ParticipantSummary {
  readonly accounts: readonly Account[];
}

interface ParticipantKey {
  readonly keyId: string;
  readonly algorithm: string;
  readonly publicKey: string;
  readonly status: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export function ParticipantDetailPage({
  participantId,
  role,
}: {
  readonly participantId: string;
  readonly role: Role;
}) {
  const path = `/participants/${segment(participantId)}`;
  const participant = useResource<ParticipantDetail>(path);
  const detail = participant.data;
  const currencies = [...new Set(detail?.accounts.map((account) => account.currency) ?? [])];
  return (
    <>
      <h1>
        {detail?.name ?? participantId} <span class="muted id">{participantId}</span>
      </h1>
      <ProblemNotice problem={participant.problem} />
      {detail !== undefined && (
        <>
          <p>
            {detail.kind} · <Badge value={detail.status} /> · since <Time at={detail.createdAt} />
          </p>
          <Accounts accounts={detail.accounts} />
          {mayDo(role, "participant.status") && (
            <StatusChange path={path} current={detail.status} onDone={participant.reload} />
          )}
          {mayDo(role, "participant.net_debit_cap") && (
            <NetDebitCap path={path} currencies={currencies} onDone={participant.reload} />
          )}
          {mayDo(role, "participant.funds") && (
            <Funds path={path} currencies={currencies} onDone={participant.reload} />
          )}
          {isChannel(detail.kind) && (
            <ChannelSuspensionSection
              path={path}
              mayChange={mayDo(role, "channel.suspend")}
              onDone={participant.reload}
            />
          )}
          <Keys path={path} mayChange={mayDo(role, "participant.keys")} />
        </>
      )}
    </>
  );
}

function Accounts({ accounts }: { readonly accounts: readonly Account[] }) {
  return (
    <DataTable
      caption="Accounts"
      columns={[
        "Account",
        "Kind",
        "Currency",
        { label: "Balance", numeric: true },
        { label: "Pending debits", numeric: true },
        { label: "Pending credits", numeric: true },
        { label: "Net debit cap", numeric: true },
      ]}
    >
      {accounts.map((account) => (
        <tr key={account.id} data-account={`${account.kind}-${account.currency}`}>
          <th scope="row">{account.id}</th>
          <td>{account.kind}</td>
          <td>{account.currency}</td>
          <td class="number" data-field="balance">
            {account.balance}
          </td>
          <td class="number">{account.debitsPending}</td>
          <td class="number">{account.creditsPending}</td>
          <td class="number" data-field="netDebitCap">
            {account.netDebitCap ?? ""}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

interface ActionSectionProps {
  readonly path: string;
  readonly onDone: () => void;
}

function StatusChange({
  path,
  current,
  onDone,
}: ActionSectionProps & { readonly current: string }) {
  const action = useAction();
  const submit = (event: Event) => {
    const { status } = formValues(event);
    void action.run(async () => {
      const answer = await apiRequest("POST", `${path}/status`, { status });
      onDone();
      return approvalNotice(answer.status, answer.body, `Status changed to ${status}.`);
    });
  };
  return (
    <ActionForm
      headingId="status-heading"
      heading="Status"
      submitLabel="Change status"
      action={action}
      onSubmit={submit}
    >
      <SelectField label="New status" name="status" value={current} options={participantStatuses} />
    </ActionForm>
  );
}

function NetDebitCap({
  path,
  currencies,
  onDone,
}: ActionSectionProps & { readonly currencies: readonly string[] }) {
  const action = useAction();
  const submit = (event: Event) => {
    const { currency = "", netDebitCap } = formValues(event);
    void action.run(async () => {
      const answer = await apiRequest("PUT", `${path}/net-debit-caps/${segment(currency)}`, {
        netDebitCap,
      });
      onDone();
      return approvalNotice(
        answer.status,
        answer.body,
        `Net debit cap in ${currency} set to ${netDebitCap}.`,
      );
    });
  };
  return (
    <ActionForm
      headingId="cap-heading"
      heading="Net debit cap"
      submitLabel="Set cap"
      action={action}
      onSubmit={submit}
    >
      <SelectField label="Currency" name="currency" options={currencies} />
      <TextField label="Cap" name="netDebitCap" inputMode="decimal" required />
    </ActionForm>
  );
}

function Funds({
  path,
  currencies,
  onDone,
}: ActionSectionProps & { readonly currencies: readonly string[] }) {
  const action = useAction();
  const submit = (event: Event) => {
    const { direction, amount, currency, reference } = formValues(event);
    // One id per click: the API treats a retry with the same id as the same movement.
    const id = `console-${crypto.randomUUID()}`;
    void action.run(async () => {
      await apiRequest("POST", `${path}/funds`, {
        id,
        direction,
        amount,
        currency,
        ...(reference === "" || reference === undefined ? {} : { reference }),
      });
      onDone();
      return `${direction === "in" ? "Deposit" : "Withdrawal"} of ${amount} ${currency} recorded (${id}).`;
    });
  };
  return (
    <ActionForm
      headingId="funds-heading"
      heading="Funds in and out"
      submitLabel="Move funds"
      action={action}
      onSubmit={submit}
    >
      <SelectField
        label="Direction"
        name="direction"
        options={[
          ["in", "in (deposit)"],
          ["out", "out (withdrawal)"],
        ]}
      />
      <TextField label="Amount" name="amount" inputMode="decimal" required />
      <SelectField label="Currency" name="currency" options={currencies} />
      <TextField label="Reference" name="reference" />
    </ActionForm>
  );
}

function Keys({ path, mayChange }: { readonly path: string; readonly mayChange: boolean }) {
  const keys = useResource<{ items: readonly ParticipantKey[] }>(`${path}/keys`);
  const action = useAction();
  const add = (event: Event) => {
    const { publicKey } = formValues(event);
    void action.run(async () => {
      const { body } = await apiRequest<ParticipantKey>("POST", `${path}/keys`, { publicKey });
      keys.reload();
      return `Key ${body.keyId} added.`;
    });
  };
  const rotate = (event: Event) => {
    const { keyId = "", publicKey } = formValues(event);
    void action.run(async () => {
      const { body } = await apiRequest<ParticipantKey>(
        "POST",
        `${path}/keys/${segment(keyId)}/rotate`,
        { publicKey },
      );
      keys.reload();
      return `Key ${keyId} replaced by ${body.keyId}.`;
    });
  };
  const revoke = (keyId: string) =>
    void action.run(async () => {
      await apiRequest("POST", `${path}/keys/${segment(keyId)}/revoke`);
      keys.reload();
      return `Key ${keyId} revoked.`;
    });
  const active = keys.data?.items.filter((key) => key.status === "active") ?? [];
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Signing keys</h2>
      <ProblemNotice problem={keys.problem} />
      {keys.data !== undefined && keys.data.items.length === 0 && <p>No key yet.</p>}
      {keys.data !== undefined && keys.data.items.length > 0 && (
        <DataTable
          caption="Keys, active and revoked"
          columns={["Key id", "Status", "Public key", "Added", "Revoked", mayChange && "Action"]}
        >
          {keys.data.items.map((key) => (
            <tr key={key.keyId} data-key={key.keyId}>
              <th scope="row">
                <code>{key.keyId}</code>
              </th>
              <td>
                <Badge value={key.status} />
              </td>
              <td>
                <code class="key">{key.publicKey}</code>
              </td>
              <td>
                <Time at={key.createdAt} />
              </td>
              <td>
                <Time at={key.revokedAt} />
              </td>
              {mayChange && (
                <td>
                  {key.status === "active" && (
                    <ConfirmButton
                      confirmLabel={`Revoke ${key.keyId} now`}
                      disabled={action.busy}
                      onConfirm={() => revoke(key.keyId)}
                    >
                      Revoke
                    </ConfirmButton>
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {mayChange && (
        <>
          <form class="inline-form" onSubmit={add} aria-label="Add a key">
            <TextField label="New public key (base64url)" name="publicKey" required />
            <button type="submit" disabled={action.busy}>
              Add key
            </button>
          </form>
          {active.length > 0 && (
            <form class="inline-form" onSubmit={rotate} aria-label="Rotate a key">
              <SelectField
                label="Key to rotate"
                name="keyId"
                options={active.map((key) => key.keyId)}
              />
              <TextField label="Replacement public key" name="publicKey" required />
              <button type="submit" disabled={action.busy}>
                Rotate key
              </button>
            </form>
          )}
        </>
      )}
      <ActionOutcome action={action} />
    </section>
  );
}
