import { findCurrency } from "../money/currency.ts";
import { isStatementStatus } from "./statement-row.ts";

/**
 * One row of the record a participant uploads: the statement's columns, of which it must give
 * a hub transaction id or its own reference, and the amount (signed as on the statement), the
 * currency and the status. Other columns are read if present and not compared.
 */
export interface ParticipantRecordRow {
  readonly line: number;
  readonly hubTransactionId: string | null;
  readonly participantReference: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly status: string;
}

export type RecordRowCheck =
  | { readonly ok: true; readonly row: ParticipantRecordRow }
  | { readonly ok: false; readonly line: number; readonly problem: string };

const idLengthMax = 128;
/** Signed plain decimal: the statement's own notation. */
const signedDecimalPattern = /^-?(0|[1-9][0-9]{0,18})(?:\.([0-9]{1,18}))?$/;

export type RecordFields = Readonly<Record<string, string | undefined>>;

/** Checks one parsed CSV record (by header name) found at `line` of the file. */
export function checkRecordRow(fields: RecordFields, line: number): RecordRowCheck {
  const refused = (problem: string): RecordRowCheck => ({ ok: false, line, problem });
  const hubId = blankToNull(fields.hub_transaction_id);
  const reference = blankToNull(fields.participant_reference);
  if (hubId === null && reference === null) {
    return refused("hub_transaction_id or participant_reference is required");
  }
  if ((hubId?.length ?? 0) > idLengthMax || (reference?.length ?? 0) > idLengthMax) {
    return refused(`an id is longer than ${idLengthMax} characters`);
  }
  const currencyCode = fields.currency ?? "";
  const currency = findCurrency(currencyCode);
  if (currency === undefined) return refused(`currency ${JSON.stringify(currencyCode)} is unknown`);
  const amount = parseSignedAmount(fields.amount ?? "", currency.minorUnits);
  if (amount === undefined) {
    return refused(`amount ${JSON.stringify(fields.amount ?? "")} is not a ${currencyCode} amount`);
  }
  const status = fields.status ?? "";
  if (!isStatementStatus(status)) return refused(`status ${JSON.stringify(status)} is unknown`);
  const row = {
    line,
    hubTransactionId: hubId,
    participantReference: reference,
    amountMinor: amount,
    currency: currencyCode,
    status,
  };
  return { ok: true, row };
}

function blankToNull(text: string | undefined): string | null {
  return text === undefined || text === "" ? null : text;
}

function parseSignedAmount(text: string, minorUnits: number): bigint | undefined {
  const match = signedDecimalPattern.exec(text);
  if (match === null) return undefined;
  const fraction = match[2] ?? "";
  if (fraction.length > minorUnits) return undefined;
  const magnitude = BigInt((match[1] ?? "0") + fraction.padEnd(minorUnits, "0"));
  return text.startsWith("-") ? -magnitude : magnitude;
}
