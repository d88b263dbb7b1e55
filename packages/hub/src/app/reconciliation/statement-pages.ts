import type { StatementRow } from "../../domain/reconciliation/statement-row.ts";

/** Statement pages passed on as they are read: still page by page, never the whole day. */

/** The pages as they are, telling how many rows were read so far. */
export async function* counted(
  pages: AsyncIterable<readonly StatementRow[]>,
  onRows: (rows: number) => void,
): AsyncIterable<readonly StatementRow[]> {
  let rows = 0;
  for await (const page of pages) {
    rows += page.length;
    onRows(rows);
    yield page;
  }
}

/** The pages' rows of one currency, still page by page. */
export async function* rowsIn(
  pages: AsyncIterable<readonly StatementRow[]>,
  currency: string,
): AsyncIterable<readonly StatementRow[]> {
  for await (const page of pages) {
    const kept = page.filter((row) => row.currency === currency);
    if (kept.length > 0) yield kept;
  }
}
