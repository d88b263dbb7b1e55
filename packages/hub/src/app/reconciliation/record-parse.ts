import { Readable } from "node:stream";
import Papa from "papaparse";
import {
  checkRecordRow,
  type ParticipantRecordRow,
  type RecordFields,
} from "../../domain/reconciliation/participant-record-row.ts";

/** A row of the upload refused, by its line in the file (the header is line 1). */
export interface MalformedRow {
  readonly line: number;
  readonly problem: string;
}

/** How many malformed rows a refusal lists; all are counted. */
export const malformedListedMax = 20;
/** Rows handed on at once: what a parse holds in memory besides the parser's buffer. */
export const recordBatchSize = 10_000;
/** The most rows one upload may have. */
export const recordRowsMax = 20_000_000;

export interface RecordParseOutcome {
  readonly rows: number;
  readonly malformed: number;
  readonly malformedListed: readonly MalformedRow[];
}

const requiredColumns = ["amount", "currency", "status"] as const;
const keyColumns = ["hub_transaction_id", "participant_reference"] as const;

function headerProblem(header: readonly string[]): string | undefined {
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) return `the header lacks ${missing.join(", ")}`;
  if (!keyColumns.some((column) => header.includes(column))) {
    return "the header needs hub_transaction_id or participant_reference";
  }
  return undefined;
}

/** Lines a row spans beyond its first: newlines inside its quoted fields. */
function embeddedNewlines(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    if (!field.includes("\n")) continue;
    for (const character of field) if (character === "\n") count++;
  }
  return count;
}

/**
 * Reads a participant's CSV record as it streams in (RFC 4180, comma-separated, header row
 * first) with Papa Parse, the fastest of the well-kept parsers measured here (a few µs a row),
 * handing on checked rows in batches while the parser and the source are paused. Every
 * malformed row is counted, the first ones listed by line; once one is found nothing more is
 * handed on, since the upload will be refused whole.
 */
export function parseRecord(
  source: Readable | AsyncIterable<Buffer | string>,
  onBatch: (rows: readonly ParticipantRecordRow[]) => Promise<void>,
): Promise<RecordParseOutcome> {
  const malformedListed: MalformedRow[] = [];
  let malformed = 0;
  let rows = 0;
  let line = 1;
  let header: string[] | undefined;
  let batch: ParticipantRecordRow[] = [];
  const refuse = (at: number, problem: string) => {
    malformed++;
    if (malformedListed.length < malformedListedMax) malformedListed.push({ line: at, problem });
  };
  const take = (fields: string[]): void => {
    const at = line;
    line += 1 + embeddedNewlines(fields);
    if (header === undefined) {
      header = fields.map((name) => name.replace(/^\uFEFF/, "").trim());
      const problem = headerProblem(header);
      if (problem !== undefined) refuse(at, problem);
      return;
    }
    if (fields.length === 1 && fields[0] === "") return; // a blank line
    rows++;
    if (fields.length !== header.length) {
      refuse(at, `${fields.length} fields where the header has ${header.length}`);
      return;
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i] as string] = fields[i] as string;
    const checked = checkRecordRow(record as RecordFields, at);
    if (!checked.ok) refuse(checked.line, checked.problem);
    else if (malformed === 0) batch.push(checked.row);
  };
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      reject(error);
    };
    const input = toReadable(source);
    Papa.parse<string[]>(input, {
      delimiter: ",",
      header: false,
      step: (results, parser) => {
        if (failed) return;
        take(results.data);
        if (rows > recordRowsMax) {
          refuse(line, `a record holds at most ${recordRowsMax} rows`);
          parser.abort();
          return;
        }
        if (batch.length < recordBatchSize || malformed > 0) return;
        const full = batch;
        batch = [];
        // The parser's pause stops its parsing only: it queues every chunk the source still
        // gives, so the source is paused too and nothing more is read while the batch is stored.
        parser.pause();
        input.pause();
        onBatch(full).then(() => {
          input.resume();
          parser.resume();
        }, fail);
      },
      complete: () => {
        if (failed) return;
        if (header === undefined) refuse(1, "the record has no header row");
        const last = malformed === 0 ? batch : [];
        (last.length > 0 ? onBatch(last) : Promise.resolve()).then(
          () => resolve({ rows, malformed, malformedListed }),
          fail,
        );
      },
      error: (error: Error) => fail(error),
    });
  });
}

/** Text decoded by the stream itself, so a character split across two chunks stays whole. */
function toReadable(source: Readable | AsyncIterable<Buffer | string>): Readable {
  const readable = source instanceof Readable ? source : Readable.from(source);
  return readable.setEncoding("utf8");
}
