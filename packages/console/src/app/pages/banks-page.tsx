import { withQuery } from "../api-client.ts";
import { Link } from "../router.tsx";
import { Badge } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useResource } from "../ui/use-resource.ts";
import type { ParticipantSummary } from "./participants-page.tsx";

export function BanksPage() {
  const banks = useResource<{ items: readonly ParticipantSummary[] }>(
    withQuery("/participants", { kind: "bank", limit: 500 }),
  );
  return (
    <>
      <h1>Banks</h1>
      <p class="muted">
        Each bank's interface endpoints, their health, and migrations between them.
      </p>
      <ProblemNotice problem={banks.problem} />
      {banks.data !== undefined && (
        <ul class="cards">
          {banks.data.items.map((bank) => (
            <li key={bank.id}>
              <Link href={`/banks/${encodeURIComponent(bank.id)}`}>{bank.name}</Link>{" "}
              <span class="muted id">{bank.id}</span> <Badge value={bank.status} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
