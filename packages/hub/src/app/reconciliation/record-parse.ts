import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type CsvError, parse } from "csv-parse";
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

/**
 * Parses a participant's CSV record as it streams in (RFC 4180, header row first), handing on
 * checked rows in batches. Every malformed row is counted, the first ones listed with their line
 * number; once one is found nothing more is handed on, since the upload will be refused whole.
 */
export async function parseRecord(
  source: Readable | AsyncIterable<Buffer | string>,
  onBatch: (rows: readonly ParticipantRecordRow[]) => Promise<void>,
): Promise<RecordParseOutcome> {
  const malformedListed: MalformedRow[] = [];
  let malformed = 0;
  let rows = 0;
  const refuse = (line: number, problem: string) => {
    malformed++;
    if (malformedListed.length < malformedListedMax) malformedListed.push({ line, problem });
  };
  let header: string[] | undefined;
  const parser = parse({
    bom: true,
    columns: (names: string[]) => {
      header = names.map((name) => name.trim());
      const problem = headerProblem(header);
      if (problem !== undefined) throw new HeaderError(problem);
      return header;
    },
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error !== undefined) refuse(Number(error.lines ?? 0), error.message);
      return undefined;
    },
  });
  const feeding = pipeline(source, parser).catch(() => undefined);
  let batch: ParticipantRecordRow[] = [];
  const handOn = async () => {
    if (malformed === 0 && batch.length > 0) await onBatch(batch);
    batch = [];
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      rows++;
      if (rows > recordRowsMax) {
        refuse(info.lines, `a record holds at most ${recordRowsMax} rows`);
        break;
      }
      const checked = checkRecordRow(record, info.lines);
      if (!checked.ok) refuse(checked.line, checked.problem);
      else batch.push(checked.row);
      if (batch.length >= recordBatchSize) await handOn();
    }
  } catch (error) {
    if (!isParseError(error)) throw error;
    refuse(header === undefined ? 1 : Number(error.lines ?? 0), error.message);
  }
  await feeding;
  if (header === undefined && malformed === 0) refuse(1, "the record has no header row");
  await handOn();
  return { rows, malformed, malformedListed };
}

interface ParsedRecord {
  readonly record: RecordFields;
  readonly info: { readonly lines: number };
}

/** An error of the CSV text (the parser's, or the header check's), not of the store. */
function isParseError(error: unknown): error is Error & { lines?: number } {
  return error instanceof Error && (error as { code?: unknown }).code !== undefined
    ? String((error as { code?: unknown }).code).startsWith("CSV_")
    : error instanceof HeaderError;
}

class HeaderError extends Error {}
