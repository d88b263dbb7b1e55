import { useState } from "preact/hooks";
import { segment } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import { Link } from "../router.tsx";
import type { Role } from "../session.ts";
import { awaitsSettlement, type SettlementReport } from "../settlement-report.ts";
import { Badge, Time } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import type { Approval } from "../vocabulary.ts";
import { ConfirmationFileForm } from "./confirmation-file-form.tsx";
import { LiquidityWarning } from "./liquidity-warning.tsx";
import { confirmationSubject, PendingConfirmations } from "./pending-confirmations.tsx";
import { SettlementInstructionsTable } from "./settlement-instructions-table.tsx";
import { SettlementPositionsTable } from "./settlement-positions-table.tsx";
import { SettlementProposalForm } from "./settlement-proposal-form.tsx";
import { ClosedBy, windowPath } from "./settlement-windows-page.tsx";
import { WindowFiles } from "./window-files.tsx";
import { AbortWindowSection, CloseWindowSection } from "./window-lifecycle-actions.tsx";

function WindowSummary({ report }: { readonly report: SettlementReport }) {
  const { window } = report;
  return (
    <dl class="record" data-testid="window-summary">
      <div>
        <dt>State</dt>
        <dd>
          <Badge value={window.state} family="window" />
        </dd>
      </div>
      <div>
        <dt>Batches</dt>
        <dd>
          after journal batch {window.startSeq}
          {window.endSeq === null ? ", still collecting" : ` up to ${window.endSeq}`}
        </dd>
      </div>
      <div>
        <dt>Opened</dt>
        <dd>
          <Time at={window.openedAt} />
        </dd>
      </div>
      <div>
        <dt>Closed</dt>
        <dd>
          <Time at={window.closedAt} />
          {window.closedBy !== null && (
            <span class="muted">
              {" "}
              by <ClosedBy by={window.closedBy} />
            </span>
          )}
        </dd>
      </div>
      {window.settledAt !== null && (
        <div>
          <dt>Settled</dt>
          <dd>
            <Time at={window.settledAt} />
          </dd>
        </div>
      )}
      {window.abortedAt !== null && (
        <div>
          <dt>Aborted</dt>
          <dd>
            <Time at={window.abortedAt} />
            {window.carriedInto !== null && (
              <>
                {" "}
                · carried into{" "}
                <Link href={windowPath(window.carriedInto)}>{window.carriedInto}</Link>
              </>
            )}
          </dd>
        </div>
      )}
      {report.carried.length > 0 && (
        <div>
          <dt>Includes aborted</dt>
          <dd>
            {report.carried.map((id, index) => (
              <span key={id}>
                {index > 0 && ", "}
                <Link href={windowPath(id)}>{id}</Link>
              </span>
            ))}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** One settlement window: its figures, warnings and files, and what an operator may do next. */
export function SettlementWindowPage({
  windowId,
  role,
}: {
  readonly windowId: string;
  readonly role: Role;
}) {
  const report = useResource<SettlementReport>(`/settlement-windows/${segment(windowId)}`);
  const approvals = useResource<{ items: readonly Approval[] }>("/approvals?state=pending");
  const pending = (approvals.data?.items ?? []).filter(
    (approval) => approval.subject === confirmationSubject(windowId),
  );
  const lifecycle = useAction();
  const [confirmed, setConfirmed] = useState<string | undefined>(undefined);
  const data = report.data;
  const currency = data?.window.currency ?? "";
  return (
    <>
      <p class="muted">
        <Link href="/settlement">Settlement</Link> ›
      </p>
      <h1>Settlement window {windowId}</h1>
      <ProblemNotice problem={report.problem} />
      <ActionOutcome action={lifecycle} />
      {confirmed !== undefined && (
        <p class="notice" role="status">
          {confirmed}
        </p>
      )}
      {data !== undefined && (
        <div aria-busy={report.loading}>
          <WindowSummary report={data} />
          <LiquidityWarning shortfalls={data.shortfalls} currency={currency} />
          {awaitsSettlement(data.window.state) && <PendingConfirmations approvals={pending} />}
          {data.window.state === "open" ? (
            <p>
              The window is open: its net positions are counted when it closes.
              {mayDo(role, "settlement.close") ? "" : " An operator closes it."}
            </p>
          ) : (
            <>
              <h2>Net positions</h2>
              <SettlementPositionsTable positions={data.positions} currency={currency} />
              <h2>Instructions</h2>
              <SettlementInstructionsTable
                instructions={data.instructions}
                shortfalls={data.shortfalls}
                currency={currency}
              />
            </>
          )}
          <WindowFiles windowId={data.window.id} closed={data.window.closedAt !== null} />
          {data.window.state === "open" && mayDo(role, "settlement.close") && (
            <CloseWindowSection window={data.window} action={lifecycle} onChanged={report.reload} />
          )}
          {awaitsSettlement(data.window.state) && mayDo(role, "settlement.confirm") && (
            <>
              <SettlementProposalForm report={data} onProposed={approvals.reload} />
              <ConfirmationFileForm
                window={data.window}
                onConfirmed={(summary) => {
                  setConfirmed(summary);
                  report.reload();
                }}
              />
            </>
          )}
          {data.window.state === "closed" && mayDo(role, "settlement.abort") && (
            <AbortWindowSection window={data.window} action={lifecycle} onChanged={report.reload} />
          )}
        </div>
      )}
    </>
  );
}
