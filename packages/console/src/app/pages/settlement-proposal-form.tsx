import { useState } from "preact/hooks";
import { apiRequest, segment } from "../api-client.ts";
import { Link } from "../router.tsx";
import { type ConfirmScope, type SettlementReport, scopeText } from "../settlement-report.ts";
import { Time } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import type { Approval } from "../vocabulary.ts";

const scopeLabels: Readonly<Record<ConfirmScope, string>> = {
  all: "Every instruction",
  all_covered: "Everyone covered (all_covered)",
  participants: "Chosen participants",
};

function scopeHint(scope: ConfirmScope, short: boolean): string {
  if (scope === "all") {
    return short ? "refused while a payer is short" : "settles the window whole";
  }
  if (scope === "all_covered") return "payers short of funds wait; the others settle now";
  return "only the instructions ticked below";
}

/** The proposal the API answered: nothing moved yet, and its proposer cannot approve it. */
function ProposalNotice({ approval }: { readonly approval: Approval }) {
  return (
    <div class="notice" role="status" data-approval={approval.id}>
      <p>
        <strong>Proposed for approval</strong> (approval <code>{approval.id}</code>) by{" "}
        {approval.proposedBy.name}. Nothing moves until another operator approves it on the{" "}
        <Link href="/approvals">Approvals page</Link>; it expires <Time at={approval.expiresAt} />.
      </p>
      <p>Confirm for {scopeText(approval.payload)}.</p>
    </div>
  );
}

/**
 * Proposes confirming the window's settlement, which a second operator approves (four eyes).
 * Chosen participants are those whose leg is not posted yet.
 */
export function SettlementProposalForm({
  report,
  onProposed,
}: {
  readonly report: SettlementReport;
  /** Reads the window's pending proposals again, to list the new one. */
  readonly onProposed: () => void;
}) {
  const short = report.shortfalls.length > 0;
  const [scope, setScope] = useState<ConfirmScope>("all");
  const [approval, setApproval] = useState<Approval | undefined>(undefined);
  const action = useAction();
  const waiting = report.instructions.filter((instruction) => instruction.leg !== "posted");
  const propose = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const participantIds = new FormData(form).getAll("participantId").map(String);
    setApproval(undefined);
    void action.run(async () => {
      const { body } = await apiRequest<{ approval: Approval }>(
        "POST",
        `/settlement-windows/${segment(report.window.id)}/settlement`,
        scope === "participants" ? { scope, participantIds } : { scope },
      );
      setApproval(body.approval);
      onProposed();
      return "";
    });
  };
  return (
    <section aria-labelledby="propose-confirmation">
      <h2 id="propose-confirmation">Confirm settlement (four eyes)</h2>
      <p class="muted">
        Once approved, the ledger posts the legs: payers' settlement accounts pay in, receivers' are
        paid out. A leg moves money once however often it is confirmed.
      </p>
      <form class="stacked-form" onSubmit={propose}>
        <fieldset>
          <legend>Confirm for</legend>
          {(Object.keys(scopeLabels) as ConfirmScope[]).map((value) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name="scope"
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
              />
              <span>
                {scopeLabels[value]} <span class="muted">— {scopeHint(value, short)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {scope === "participants" && (
          <fieldset>
            <legend>Participants</legend>
            {waiting.map((instruction) => (
              <label key={instruction.accountId} class="choice">
                <input type="checkbox" name="participantId" value={instruction.participantId} />
                <span>
                  {instruction.participantId}{" "}
                  <span class="muted">
                    ({instruction.direction} {instruction.amount})
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div>
          <button type="submit" disabled={action.busy}>
            Propose confirmation
          </button>
        </div>
      </form>
      <ProblemNotice problem={action.problem} />
      {approval !== undefined && <ProposalNotice approval={approval} />}
    </section>
  );
}
