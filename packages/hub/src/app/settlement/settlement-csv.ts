import { stringify } from "csv-stringify/sync";
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

function money(currency: string): (minor: bigint) => string {
  const unit = findCurrency(currency);
  if (unit === undefined) throw new Error(`unknown currency ${currency}`);
  return (minor) => formatAmount(minor, unit);
}

export function positionsCsv(report: SettlementReport): string {
  const { id, currency } = report.window;
  const amount = money(currency);
  return stringify(
    report.positions.map((p) => [
      id,
      currency,
      p.participantId,
      p.accountId,
      amount(p.grossSent),
      amount(p.grossReceived),
      amount(p.net),
    ]),
    { header: true, columns: [...settlementCsvColumns.positions] },
  );
}

/** The instructions, each with the state of its leg: `none`, `instructed` or `posted`. */
export function instructionsCsv(report: SettlementReport): string {
  const { id, currency } = report.window;
  const amount = money(currency);
  const legs = new Map(report.legs.map((leg) => [leg.accountId, leg.state]));
  return stringify(
    report.instructions.map((i) => [
      id,
      currency,
      i.participantId,
      i.direction,
      amount(i.amount),
      legs.get(i.accountId) ?? "none",
    ]),
    { header: true, columns: [...settlementCsvColumns.instructions] },
  );
}

export function bilateralCsv(
  report: SettlementReport,
  pairs: readonly BilateralPosition[],
): string {
  const { id, currency } = report.window;
  const amount = money(currency);
  return stringify(
    pairs.map((pair) => [id, currency, pair.payerId, pair.payeeId, amount(pair.amount)]),
    { header: true, columns: [...settlementCsvColumns.bilateral] },
  );
}
