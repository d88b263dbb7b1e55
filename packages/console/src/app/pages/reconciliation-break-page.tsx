import { segment } from "../api-client.ts";
import { differenceText, type ReconciliationBreak, words } from "../reconciliation-break.ts";
import { mayDo } from "../role-policy.ts";
import { Link } from "../router.tsx";
import type { Role } from "../session.ts";
import { DataTable } from "../ui/data-table.tsx";
import { Badge, Time } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { BreakResolutionForm } from "./break-resolution-form.tsx";

function Value({ value, differs }: { readonly value: string | null; readonly differs: boolean }) {
  if (value === null) return <span class="muted">not listed</span>;
  return differs ? <strong class="differs">{value}</strong> : <span>{value}</span>;
}

/** The hub's row beside the participant's, the differing values marked. */
function SidesTable({ found }: { readonly found: ReconciliationBreak }) {
  const hubHas = found.kind !== "missing_at_hub";
  const participantHas = found.kind !== "missing_at_participant";
  const amountDiffers = found.kind === "amount_differs";
  const statusDiffers = found.kind === "status_differs";
  const amount = (value: string | null) =>
    value === null ? null : `${value} ${found.currency ?? ""}`.trim();
  return (
    <DataTable caption="The two sides" columns={["", "Hub's statement", "Participant's record"]}>
      <tr data-side-row="amount">
        <th scope="row">Amount</th>
        <td data-side="hub">
          <Value value={hubHas ? amount(found.hubAmount) : null} differs={amountDiffers} />
        </td>
        <td data-side="participant">
          <Value
            value={participantHas ? amount(found.participantAmount) : null}
            differs={amountDiffers}
          />
        </td>
      </tr>
      <tr data-side-row="status">
        <th scope="row">Status</th>
        <td data-side="hub">
          <Value value={hubHas ? found.hubStatus : null} differs={statusDiffers} />
        </td>
        <td data-side="participant">
          <Value value={participantHas ? found.participantStatus : null} differs={statusDiffers} />
        </td>
      </tr>
    </DataTable>
  );
}

function Resolution({ found }: { readonly found: ReconciliationBreak }) {
  return (
    <dl class="record" data-testid="break-resolution">
      <div>
        <dt>Resolved</dt>
        <dd>
          <Badge value={found.state} family="break" label={words(found.state)} />{" "}
          <Time at={found.resolvedAt} />
          {found.resolvedBy !== null && <span class="muted"> by {found.resolvedBy}</span>}
        </dd>
      </div>
      {found.reason !== null && (
        <div>
          <dt>Reason</dt>
          <dd>{found.reason}</dd>
        </div>
      )}
      {found.reversalTransferId !== null && (
        <div>
          <dt>Reversal</dt>
          <dd>
            <Link href={`/trace/${encodeURIComponent(found.reversalTransferId)}`}>
              {found.reversalTransferId}
            </Link>
          </dd>
        </div>
      )}
    </dl>
  );
}

function BreakSummary({ found }: { readonly found: ReconciliationBreak }) {
  const transaction = found.hubTransactionId;
  return (
    <dl class="record" data-testid="break-summary">
      <div>
        <dt>Participant</dt>
        <dd>
          <Link href={`/participants/${encodeURIComponent(found.participantId)}`}>
            {found.participantId}
          </Link>
        </dd>
      </div>
      <div>
        <dt>Day</dt>
        <dd>{found.day}</dd>
      </div>
      <div>
        <dt>Kind</dt>
        <dd>
          <Badge value={found.kind} family="break" label={words(found.kind)} />
        </dd>
      </div>
      <div>
        <dt>State</dt>
        <dd data-field="state">
          <Badge value={found.state} family="break" label={words(found.state)} />
        </dd>
      </div>
      <div>
        <dt>Transaction</dt>
        <dd>
          {transaction === null ? (
            <span class="muted">none at the hub</span>
          ) : (
            <Link href={`/trace/${encodeURIComponent(transaction)}`}>{transaction}</Link>
          )}
          {found.participantReference !== null && (
            <span class="muted"> · reference {found.participantReference}</span>
          )}
        </dd>
      </div>
      {found.line !== null && (
        <div>
          <dt>Record line</dt>
          <dd>{found.line}</dd>
        </div>
      )}
      <div>
        <dt>Found</dt>
        <dd>
          <Time at={found.createdAt} />
        </dd>
      </div>
    </dl>
  );
}

/** One break: both sides, what differs, and its resolution or the form to resolve it. */
export function ReconciliationBreakPage({
  breakId,
  role,
}: {
  readonly breakId: string;
  readonly role: Role;
}) {
  const found = useResource<ReconciliationBreak>(`/reconciliation/breaks/${segment(breakId)}`);
  // The page owns the action: once resolved, the form is gone but its outcome stays in view.
  const resolution = useAction();
  const data = found.data;
  return (
    <>
      <p class="muted">
        <Link href="/reconciliation">Reconciliation</Link> ›
      </p>
      <h1>Break {breakId}</h1>
      <ProblemNotice problem={found.problem} />
      <ActionOutcome action={resolution} />
      {data !== undefined && (
        <div aria-busy={found.loading}>
          <BreakSummary found={data} />
          <h2>What differs</h2>
          <p data-testid="break-difference">{differenceText(data)}</p>
          <SidesTable found={data} />
          {data.state !== "open" && <Resolution found={data} />}
          {data.state === "open" && mayDo(role, "reconciliation.resolve") && (
            <BreakResolutionForm found={data} action={resolution} onResolved={found.reload} />
          )}
          {data.state === "open" && !mayDo(role, "reconciliation.resolve") && (
            <p class="muted">Open: an operator resolves it.</p>
          )}
        </div>
      )}
    </>
  );
}
