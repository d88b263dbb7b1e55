/**
 * RFC 4180 CSV read as its bytes arrive: each record is yielded once its line ends, so a
 * statement of any length is parsed in the memory of one chunk and one record. Quoted fields
 * may hold commas, doubled quotes and line breaks, and may be split across chunks.
 */
export async function* csvRecords(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<string[], void, undefined> {
  const decoder = new TextDecoder();
  let record: string[] = [];
  let field = "";
  let quoted = false;
  // A quote just closed a quoted run: a second one right after is a literal quote.
  let quoteClosed = false;
  const parse = function* (text: string) {
    for (const char of text) {
      if (quoted) {
        if (char === '"') [quoted, quoteClosed] = [false, true];
        else field += char;
        continue;
      }
      const closed = quoteClosed;
      quoteClosed = false;
      if (char === '"') {
        if (closed) field += '"';
        quoted = true;
      } else if (char === ",") {
        record.push(field);
        field = "";
      } else if (char === "\n") {
        record.push(field);
        yield record;
        [record, field] = [[], ""];
      } else if (char !== "\r") field += char;
    }
  };
  for await (const chunk of chunks) yield* parse(decoder.decode(chunk, { stream: true }));
  yield* parse(decoder.decode());
  if (quoted) throw new Error("the CSV ends inside a quoted field");
  if (field !== "" || record.length > 0) yield [...record, field];
}

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
