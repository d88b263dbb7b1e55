import { withQuery } from "../api-client.ts";
import { Link } from "../router.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { Badge } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useResource } from "../ui/use-resource.ts";
import type { ParticipantSummary } from "./participants-page.tsx";

/** As many acquirers as the participants' list gives in one page. */
const acquirersMax = 500;

export function acquirerPath(acquirerId: string): string {
  return `/merchants/${encodeURIComponent(acquirerId)}`;
}

function AcquirerRows({ kind }: { readonly kind: "bank" | "payment_institution" }) {
  const found = useResource<{ items: readonly ParticipantSummary[] }>(
    withQuery("/participants", { kind, limit: acquirersMax }),
  );
  if (found.problem !== undefined) {
    return (
      <tr>
        <td colSpan={4}>
          <ProblemNotice problem={found.problem} />
        </td>
      </tr>
    );
  }
  return (
    <>
      {(found.data?.items ?? []).map((acquirer) => (
        <tr key={acquirer.id} data-acquirer={acquirer.id}>
          <th scope="row">
            <Link href={acquirerPath(acquirer.id)}>{acquirer.name}</Link>
          </th>
          <td class="id">{acquirer.id}</td>
          <td>{kind === "bank" ? "bank" : "payment institution"}</td>
          <td>
            <Badge value={acquirer.status} />
          </td>
        </tr>
      ))}
    </>
  );
}

/** Banks and payment institutions: each may acquire merchants; its page lists them. */
export function AcquirersPage() {
  return (
    <>
      <h1>Merchants and acquirers</h1>
      <p class="muted">
        Banks and payment institutions acquire merchants: each registers its own through the
        participant API, and payers' institutions pay them by the codes they present. Open an
        acquirer to see its merchants and their status.
      </p>
      <DataTable caption="Acquirers" columns={["Acquirer", "Id", "Kind", "Status"]}>
        <AcquirerRows kind="bank" />
        <AcquirerRows kind="payment_institution" />
      </DataTable>
    </>
  );
}
