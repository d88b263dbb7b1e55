import { apiBase, segment } from "../api-client.ts";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useResource } from "../ui/use-resource.ts";

const csvDescriptions: Readonly<Record<string, string>> = {
  "positions.csv": "Net positions",
  "instructions.csv": "Instructions, with their legs' state",
  "bilateral.csv": "Bilateral flows between each pair of participants",
};

function describe(name: string): string {
  if (name.endsWith(".pacs.009.xml")) return "ISO 20022 pacs.009: one instruction's transfer";
  if (name.endsWith(".camt.053.xml")) return "ISO 20022 camt.053: one participant's statement";
  return csvDescriptions[name] ?? "";
}

/**
 * A closed window's files as the hub lists them: the CSV files, then an ISO 20022 file per
 * instruction and per participant that moved. Plain links: the browser downloads them with the
 * session's cookie.
 */
export function WindowFiles({
  windowId,
  closed,
}: {
  readonly windowId: string;
  readonly closed: boolean;
}) {
  const path = `/settlement-windows/${segment(windowId)}/files`;
  const files = useResource<{ files: readonly string[] }>(closed ? path : undefined);
  return (
    <section aria-labelledby="window-files">
      <h2 id="window-files">Files</h2>
      {!closed && <p class="muted">A window's files are written when it closes.</p>}
      <ProblemNotice problem={files.problem} />
      {files.data !== undefined && (
        <ul class="files">
          {files.data.files.map((name) => (
            <li key={name}>
              <a href={`${apiBase}${path}/${segment(name)}`} download={name}>
                {name}
              </a>{" "}
              <span class="muted">{describe(name)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
