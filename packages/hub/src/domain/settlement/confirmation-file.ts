import { parseAmount } from "../money/amount.ts";
import { findCurrency } from "../money/currency.ts";
import { type SettlementInstruction, signedAmount } from "./settlement-instruction.ts";

/**
 * The settlement bank's confirmation file: one line per leg it moved, with the columns
 * `window_id, participant_id, direction, amount, currency`. The file is checked line by line
 * against the window's instructions, and any mismatch refuses it whole: a file that does not
 * describe this window's money must move none of it.
 */
export interface ConfirmationLine {
  /** 1-based line number in the file, the header being line 1. */
  readonly line: number;
  readonly windowId: string;
  readonly participantId: string;
  readonly direction: string;
  readonly amount: string;
  readonly currency: string;
}

export type ConfirmationLineProblemCode =
  | "confirmation_window_mismatch"
  | "confirmation_participant_unknown"
  | "confirmation_direction_mismatch"
  | "confirmation_amount_invalid"
  | "confirmation_amount_mismatch"
  | "confirmation_currency_mismatch"
  | "confirmation_duplicate";

export interface ConfirmationLineProblem {
  readonly line: number;
  readonly code: ConfirmationLineProblemCode;
  readonly detail: string;
}

export type ConfirmationCheck =
  | { readonly ok: true; readonly participantIds: readonly string[] }
  | { readonly ok: false; readonly problems: readonly ConfirmationLineProblem[] };

/** A file lists at most one line per participant, so it can hold no more lines than this. */
export const confirmationLinesMax = 100_000;

export function checkConfirmationFile(
  windowId: string,
  currency: string,
  lines: readonly ConfirmationLine[],
  instructions: readonly SettlementInstruction[],
): ConfirmationCheck {
  // A participant can settle two accounts (the operator: its position and the fees): its
  // line states what it pays or receives in all.
  const byParticipant = new Map<string, bigint>();
  for (const instruction of instructions) {
    const net = byParticipant.get(instruction.participantId) ?? 0n;
    byParticipant.set(instruction.participantId, net + signedAmount(instruction));
  }
  const seen = new Set<string>();
  const problems: ConfirmationLineProblem[] = [];
  for (const line of lines) {
    const problem = lineProblem(windowId, currency, line, byParticipant, seen);
    if (problem !== null) problems.push({ line: line.line, ...problem });
    seen.add(line.participantId);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, participantIds: lines.map((line) => line.participantId) };
}

function lineProblem(
  windowId: string,
  currency: string,
  line: ConfirmationLine,
  instructions: ReadonlyMap<string, bigint>,
  seen: ReadonlySet<string>,
): Omit<ConfirmationLineProblem, "line"> | null {
  if (line.windowId !== windowId) {
    return mismatch("confirmation_window_mismatch", `window ${line.windowId}, not ${windowId}`);
  }
  if (seen.has(line.participantId)) {
    return mismatch("confirmation_duplicate", `${line.participantId} is listed twice`);
  }
  const net = instructions.get(line.participantId);
  if (net === undefined || net === 0n) {
    return mismatch(
      "confirmation_participant_unknown",
      `${line.participantId} has nothing to settle in ${windowId}`,
    );
  }
  if (line.currency !== currency) {
    return mismatch("confirmation_currency_mismatch", `${line.currency}, not ${currency}`);
  }
  const direction = net < 0n ? "pay" : "receive";
  if (line.direction !== direction) {
    return mismatch("confirmation_direction_mismatch", `${line.direction}, not ${direction}`);
  }
  const unit = findCurrency(currency);
  const amount = unit === undefined ? undefined : parseAmount(line.amount, unit);
  if (amount === undefined || !amount.ok) {
    return mismatch("confirmation_amount_invalid", `${JSON.stringify(line.amount)}`);
  }
  if (amount.minor !== (net < 0n ? -net : net)) {
    return mismatch(
      "confirmation_amount_mismatch",
      `${line.amount} does not match the instruction`,
    );
  }
  return null;
}

function mismatch(
  code: ConfirmationLineProblemCode,
  detail: string,
): Omit<ConfirmationLineProblem, "line"> {
  return { code, detail };
}
