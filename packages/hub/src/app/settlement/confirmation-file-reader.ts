import { parse } from "csv-parse/sync";
import {
  type ConfirmationLine,
  confirmationLinesMax,
} from "../../domain/settlement/confirmation-file.ts";

/** The header a confirmation file starts with, as the README documents it. */
export const confirmationFileColumns = [
  "window_id",
  "participant_id",
  "direction",
  "amount",
  "currency",
] as const;

export type ConfirmationFileRead =
  | { readonly ok: true; readonly lines: readonly ConfirmationLine[] }
  | { readonly ok: false; readonly detail: string };

/**
 * Reads the settlement bank's CSV (RFC 4180, the header first) into numbered lines for the
 * window check. Anything that is not that shape is refused with the line where it broke.
 */
export function readConfirmationFile(text: string): ConfirmationFileRead {
  let records: string[][];
  try {
    records = parse(text, { relaxColumnCount: false, trim: true });
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    return { ok: false, detail: lines === undefined ? message : `line ${lines}: ${message}` };
  }
  const [header, ...rows] = records;
  if (header === undefined || header.join(",") !== confirmationFileColumns.join(",")) {
    return {
      ok: false,
      detail: `line 1: the header must be ${confirmationFileColumns.join(",")}`,
    };
  }
  if (rows.length === 0) return { ok: false, detail: "line 2: the file lists no leg" };
  if (rows.length > confirmationLinesMax) {
    return { ok: false, detail: `more than ${confirmationLinesMax} lines` };
  }
  return {
    ok: true,
    lines: rows.map(
      ([windowId = "", participantId = "", direction = "", amount = "", currency = ""], index) => ({
        line: index + 2,
        windowId,
        participantId,
        direction,
        amount,
        currency,
      }),
    ),
  };
}
