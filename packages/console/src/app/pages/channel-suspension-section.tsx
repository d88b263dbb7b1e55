import { apiRequest } from "../api-client.ts";
import { ActionForm } from "../ui/action-form.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { formValues, SelectField, TextField } from "../ui/fields.tsx";
import { Badge, Time } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { approvalNotice, channelCapabilities, paymentPolicies } from "../vocabulary.ts";

interface Suspension {
  readonly capability: string;
  readonly reason: string;
  readonly policy: string;
  readonly honourDeadline: string | null;
  readonly suspendedAt: string;
}

interface Step {
  readonly id: string;
  readonly kind: string;
  readonly capabilities: readonly string[];
  readonly reason: string | null;
  readonly policy: string | null;
  readonly honourDeadline: string | null;
  readonly at: string;
  readonly by: string;
}

interface ChannelSuspensions {
  readonly status: string;
  readonly suspensions: readonly Suspension[];
  readonly history: readonly Step[];
}

/** Payment institutions and banks sell bill payment; only they are suspended as channels. */
export function isChannel(kind: string): boolean {
  return kind === "payment_institution" || kind === "bank";
}

/**
 * A channel's suspended capabilities, the history of its suspensions, and for operators the
 * forms that suspend, lift and (with a second operator's approval) terminate it.
 */
export function ChannelSuspensionSection({
  path,
  mayChange,
  onDone,
}: {
  readonly path: string;
  readonly mayChange: boolean;
  readonly onDone: () => void;
}) {
  const channel = useResource<ChannelSuspensions>(`${path}/suspensions`);
  const changed = () => {
    channel.reload();
    onDone();
  };
  const data = channel.data;
  return (
    <>
      <section aria-labelledby="suspensions-heading">
        <h2 id="suspensions-heading">Channel suspensions</h2>
        <ProblemNotice problem={channel.problem} />
        {data !== undefined && data.suspensions.length === 0 && (
          <p data-field="suspension-state">Every capability is available.</p>
        )}
        {data !== undefined && data.suspensions.length > 0 && (
          <SuspendedNow suspensions={data.suspensions} />
        )}
        {data !== undefined && data.history.length > 0 && <History steps={data.history} />}
      </section>
      {mayChange && data !== undefined && data.status !== "terminated" && (
        <>
          <Suspend path={path} onDone={changed} />
          {data.suspensions.length > 0 && <Lift path={path} onDone={changed} />}
          <Terminate path={path} onDone={changed} />
        </>
      )}
    </>
  );
}

function SuspendedNow({ suspensions }: { readonly suspensions: readonly Suspension[] }) {
  return (
    <DataTable
      caption="Suspended now"
      columns={["Capability", "Reason", "Payments", "Honoured until", "Since"]}
    >
      {suspensions.map((suspension) => (
        <tr key={suspension.capability} data-suspension={suspension.capability}>
          <th scope="row">{suspension.capability}</th>
          <td>{suspension.reason}</td>
          <td>
            <Badge value={suspension.policy} />
          </td>
          <td>
            <Time at={suspension.honourDeadline} />
          </td>
          <td>
            <Time at={suspension.suspendedAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function History({ steps }: { readonly steps: readonly Step[] }) {
  return (
    <DataTable
      caption="History, newest first"
      columns={["When", "Step", "Capabilities", "Reason", "Payments", "Honoured until", "By"]}
    >
      {steps.map((step) => (
        <tr key={step.id} data-step={step.kind}>
          <th scope="row">
            <Time at={step.at} />
          </th>
          <td>
            <Badge value={step.kind} />
          </td>
          <td>{step.capabilities.join(", ")}</td>
          <td>{step.reason ?? ""}</td>
          <td>{step.policy ?? ""}</td>
          <td>
            <Time at={step.honourDeadline} />
          </td>
          <td>{step.by}</td>
        </tr>
      ))}
    </DataTable>
  );
}

interface FormProps {
  readonly path: string;
  readonly onDone: () => void;
}

/** "all", or one capability: the form names one at a time, the API takes any set. */
const capabilityOptions = ["all", ...channelCapabilities] as const;

function Suspend({ path, onDone }: FormProps) {
  const action = useAction();
  const submit = (event: Event) => {
    const { capability = "all", reason, policy, honourDeadline = "" } = formValues(event);
    void action.run(async () => {
      await apiRequest("POST", `${path}/suspensions`, {
        capabilities: capability === "all" ? "all" : [capability],
        reason,
        policy,
        // The field is the operator's local time; the API takes an instant.
        ...(honourDeadline === ""
          ? {}
          : { honourDeadline: new Date(honourDeadline).toISOString() }),
      });
      onDone();
      return `Suspended ${capability === "all" ? "every capability" : capability}; the channel is told by webhook.`;
    });
  };
  return (
    <ActionForm
      headingId="suspend-heading"
      heading="Suspend"
      submitLabel="Suspend"
      action={action}
      onSubmit={submit}
    >
      <SelectField label="Capabilities" name="capability" options={capabilityOptions} />
      <TextField label="Reason" name="reason" required />
      <SelectField label="Payments after the suspension" name="policy" options={paymentPolicies} />
      <TextField
        label="Honour until (honour_presented)"
        name="honourDeadline"
        type="datetime-local"
      />
    </ActionForm>
  );
}

function Lift({ path, onDone }: FormProps) {
  const action = useAction();
  const submit = (event: Event) => {
    const { capability = "all" } = formValues(event);
    void action.run(async () => {
      await apiRequest(
        "POST",
        `${path}/suspensions/lift`,
        capability === "all" ? {} : { capabilities: [capability] },
      );
      onDone();
      return `Restored ${capability === "all" ? "every suspended capability" : capability}.`;
    });
  };
  return (
    <ActionForm
      headingId="lift-heading"
      heading="Lift a suspension"
      submitLabel="Lift"
      action={action}
      onSubmit={submit}
    >
      <SelectField label="Capabilities to restore" name="capability" options={capabilityOptions} />
    </ActionForm>
  );
}

function Terminate({ path, onDone }: FormProps) {
  const action = useAction();
  const submit = (event: Event) => {
    const { reason } = formValues(event);
    void action.run(async () => {
      const answer = await apiRequest("POST", `${path}/termination`, { reason });
      onDone();
      return approvalNotice(answer.status, answer.body, "Channel terminated.");
    });
  };
  return (
    <ActionForm
      headingId="terminate-heading"
      heading="Terminate the channel"
      submitLabel="Propose termination"
      action={action}
      onSubmit={submit}
    >
      <TextField label="Reason for termination" name="reason" required />
    </ActionForm>
  );
}
