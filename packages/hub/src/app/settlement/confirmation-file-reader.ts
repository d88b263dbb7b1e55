import Papa from "papaparse";
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
  const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ""), { skipEmptyLines: false });
  const broken = parsed.errors[0];
  if (broken !== undefined) {
    return { ok: false, detail: `line ${(broken.row ?? 0) + 1}: ${broken.message}` };
  }
  const records = parsed.data.map((record) => record.map((field) => field.trim()));
  const width = confirmationFileColumns.length;
  const ragged = records.findIndex((record) => record.length !== width);
  if (ragged > 0) {
    return { ok: false, detail: `line ${ragged + 1}: ${width} fields expected` };
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
