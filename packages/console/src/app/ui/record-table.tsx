import { jsonText } from "./format.tsx";

/**
 * A table of records whose fields vary by kind (a trace's inquiries, notices, webhooks): one
 * column per field found in any record, in the order first seen.
 */
export function RecordTable({
  caption,
  records,
}: {
  readonly caption: string;
  readonly records: readonly Readonly<Record<string, unknown>>[];
}) {
  if (records.length === 0) {
    return <p class="muted">{caption}: none.</p>;
  }
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return (
    // Wide records scroll sideways: the region takes focus so a keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section class="table-wrap" tabIndex={0} aria-label={caption}>
      <table class="records">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record, index) => (
            // Records of a trace have no common id; the list is read-only and never reordered.
            <tr key={index}>
              {columns.map((column) => (
                <td key={column}>{record[column] === undefined ? "" : jsonText(record[column])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
