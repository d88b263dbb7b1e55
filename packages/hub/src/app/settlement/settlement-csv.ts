import Papa from "papaparse";
import { formatAmount } from "../../domain/money/amount.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { BilateralPosition } from "../ports/settlement-store.ts";
import type { SettlementReport } from "./settlement-report.ts";

/**
 * A window's CSV files (RFC 4180, a header line, amounts as decimal strings in the currency's
 * minor digits, `-` for what a participant owes). Their columns are documented in the README
 * under "Settlement files"; a change there is a change to every settlement bank's parser.
 */
export const settlementCsvColumns = {
  positions: [
    "window_id",
    "currency",
    "participant_id",
    "account_id",
    "gross_sent",
    "gross_received",
    "net",
  ],
  instructions: ["window_id", "currency", "participant_id", "direction", "amount", "leg_state"],
  bilateral: ["window_id", "currency", "payer_id", "payee_id", "amount"],
} as const;

/** RFC 4180: a header line, then one line per row, each ended by CRLF. */
function csvText(columns: readonly string[], rows: readonly (string | number)[][]): string {
  return `${Papa.unparse({ fields: [...columns], data: rows.map((row) => row.map(String)) }, { newline: "\r\n" })}\r\n`;
}

function money(currency: string): (minor: bigint) => string {
  const unit = findCurrency(currency);
  if (unit === undefined) throw new Error(`unknown currency ${currency}`);
  return (minor) => formatAmount(minor, unit);
}

export function positionsCsv(report: SettlementReport): string {
  const { id, currency } = report.window;
  const amount = money(currency);
  return csvText(
    settlementCsvColumns.positions,
    report.positions.map((p) => [
      id,
      currency,
      p.participantId,
      p.accountId,
      amount(p.grossSent),
      amount(p.grossReceived),
      amount(p.net),
    ]),
  );
}

/** The instructions, each with the state of its leg: `none`, `instructed` or `posted`. */
export function instructionsCsv(report: SettlementReport): string {
  const { id, currency } = report.window;
  const amount = money(currency);
  const legs = new Map(report.legs.map((leg) => [leg.accountId, leg.state]));
  return csvText(
    settlementCsvColumns.instructions,
    report.instructions.map((i) => [
      id,
      currency,
      i.participantId,
      i.direction,
      amount(i.amount),
      legs.get(i.accountId) ?? "none",
    ]),
  );
}

export function bilateralCsv(
  report: SettlementReport,
  pairs: readonly BilateralPosition[],
): string {
  const { id, currency } = report.window;
  const amount = money(currency);
  return csvText(
    settlementCsvColumns.bilateral,
    pairs.map((pair) => [id, currency, pair.payerId, pair.payeeId, amount(pair.amount)]),
  );
}
