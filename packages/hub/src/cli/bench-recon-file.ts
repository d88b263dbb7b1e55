import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import Papa from "papaparse";
import { statementCsvColumns } from "../app/reconciliation/statement-csv.ts";
import type { BreakKind } from "../domain/reconciliation/reconciliation-break.ts";

/**
 * The participant's file `clearhub bench recon` matches: the hub's own statement, read as a
 * stream, with breaks of every kind injected at a fixed stride, each on a row of its own, so
 * the set of breaks the match must find is known exactly.
 */
export interface InjectedBreaks {
  /** `kind key`, as the check compares them: the hub transaction id, or the ghost's. */
  readonly keys: ReadonlySet<string>;
  readonly byKind: Readonly<Record<BreakKind, number>>;
}

const injectedKinds: readonly BreakKind[] = [
  "missing_at_participant",
  "amount_differs",
  "status_differs",
  "duplicate",
  "missing_at_hub",
];

type Row = Record<(typeof statementCsvColumns)[number], string>;

/** One row in `stride` is broken, the kinds in turn. */
export async function writeParticipantFile(
  statementFile: string,
  participantFile: string,
  stride: number,
): Promise<InjectedBreaks> {
  const keys = new Set<string>();
  const byKind = Object.fromEntries(injectedKinds.map((kind) => [kind, 0])) as Record<
    BreakKind,
    number
  >;
  let index = 0;
  let injected = 0;
  const inject = (row: Row): Row[] => {
    const broken = index % stride === stride - 1;
    index++;
    if (!broken) return [row];
    const kind = injectedKinds[injected % injectedKinds.length] as BreakKind;
    injected++;
    byKind[kind]++;
    if (kind === "missing_at_hub") {
      const ghost = `ghost-${injected}`;
      keys.add(`${kind} ${ghost}`);
      return [row, { ...row, hub_transaction_id: ghost, participant_reference: ghost }];
    }
    keys.add(`${kind} ${row.hub_transaction_id}`);
    if (kind === "missing_at_participant") return [];
    if (kind === "duplicate") return [row, row];
    if (kind === "amount_differs") {
      const amount = row.amount.startsWith("-") ? row.amount.slice(1) : `-${row.amount}`;
      return [{ ...row, amount }];
    }
    return [{ ...row, status: row.status === "completed" ? "failed" : "completed" }];
  };
  const out = createWriteStream(participantFile);
  out.write(`${statementCsvColumns.join(",")}\r\n`);
  let pending: Row[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const text = Papa.unparse(pending, {
      columns: [...statementCsvColumns],
      header: false,
      newline: "\r\n",
    });
    pending = [];
    if (!out.write(`${text}\r\n`)) await once(out, "drain");
  };
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Row>(createReadStream(statementFile, "utf8"), {
      header: true,
      skipEmptyLines: true,
      step: (results, parser) => {
        pending.push(...inject(results.data));
        if (pending.length < 5000) return;
        parser.pause();
        flush().then(() => parser.resume(), reject);
      },
      complete: () => flush().then(resolve, reject),
      error: reject,
    });
  });
  out.end();
  await once(out, "finish");
  return { keys, byKind };
}
