import { Link } from "../router.tsx";
import { scopeText } from "../settlement-report.ts";
import { DataTable } from "../ui/data-table.tsx";
import { Time } from "../ui/format.tsx";
import type { Approval } from "../vocabulary.ts";

/** The approvals' subject for a window's confirmation, as the hub names it. */
export function confirmationSubject(windowId: string): string {
  return `settlement_window:${windowId}`;
}

/**
 * Confirmations of this window proposed and not yet decided: after a reload, or in another
 * operator's browser, the page still says that money will move once someone approves.
 */
export function PendingConfirmations({ approvals }: { readonly approvals: readonly Approval[] }) {
  if (approvals.length === 0) return null;
  return (
    <section aria-labelledby="pending-confirmations" data-testid="pending-confirmations">
      <h2 id="pending-confirmations">Waiting for a second operator</h2>
      <DataTable
        caption={
          <>
            Proposed confirmations: another operator approves or rejects them on the{" "}
            <Link href="/approvals">Approvals page</Link>
          </>
        }
        columns={["Approval", "Confirm for", "Proposed by", "At", "Expires"]}
      >
        {approvals.map((approval) => (
          <tr key={approval.id} data-pending-approval={approval.id}>
            <th scope="row">
              <code>{approval.id}</code>
            </th>
            <td>{scopeText(approval.payload)}</td>
            <td>{approval.proposedBy.name}</td>
            <td>
              <Time at={approval.proposedAt} />
            </td>
            <td>
              <Time at={approval.expiresAt} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
