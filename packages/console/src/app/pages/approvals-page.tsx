import { apiRequest, segment } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import type { Session } from "../session.ts";
import { DataTable } from "../ui/data-table.tsx";
import { jsonText, Time } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import type { Approval } from "../vocabulary.ts";

/** Four eyes: what one operator proposed waits here for a different one to approve or reject. */
export function ApprovalsPage({ session }: { readonly session: Session }) {
  const approvals = useResource<{ items: readonly Approval[] }>("/approvals?state=pending");
  const action = useAction();
  const decide = (approval: Approval, decision: "approve" | "reject") =>
    void action.run(async () => {
      await apiRequest("POST", `/approvals/${segment(approval.id)}/${decision}`);
      approvals.reload();
      return `${approval.action} on ${approval.subject} ${decision === "approve" ? "approved" : "rejected"}.`;
    });
  const mayDecide = mayDo(session.operator.role, "approval.decide");
  return (
    <>
      <h1>Approvals</h1>
      <p class="muted">
        Terminating a participant, raising a net debit cap, switching a bank's primary endpoint,
        confirming a settlement window, changing a code prefix and setting barcode limits take two
        operators: one proposes, another approves.
      </p>
      <ProblemNotice problem={approvals.problem} />
      <ActionOutcome action={action} />
      {approvals.data !== undefined && approvals.data.items.length === 0 && (
        <p>Nothing waits for approval.</p>
      )}
      {approvals.data !== undefined && approvals.data.items.length > 0 && (
        <DataTable
          caption="Pending approvals"
          columns={[
            "Action",
            "Subject",
            "Change",
            "Proposed by",
            "At",
            "Expires",
            mayDecide && "Decision",
          ]}
        >
          {approvals.data.items.map((approval) => {
            const own = approval.proposedBy.id === session.operator.id;
            return (
              <tr key={approval.id} data-approval={approval.id}>
                <th scope="row">{approval.action}</th>
                <td>{approval.subject}</td>
                <td>
                  <code class="details">{jsonText(approval.payload)}</code>
                </td>
                <td>{approval.proposedBy.name}</td>
                <td>
                  <Time at={approval.proposedAt} />
                </td>
                <td>
                  <Time at={approval.expiresAt} />
                </td>
                {mayDecide && (
                  <td class="actions">
                    {own ? (
                      <span class="muted">yours: another operator decides</span>
                    ) : (
                      <button
                        type="button"
                        disabled={action.busy}
                        onClick={() => decide(approval, "approve")}
                      >
                        Approve
                      </button>
                    )}
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() => decide(approval, "reject")}
                    >
                      {own ? "Withdraw" : "Reject"}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
