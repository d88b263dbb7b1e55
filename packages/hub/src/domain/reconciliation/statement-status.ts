import type { StatementStatus } from "./statement-row.ts";

/**
 * How the operation's own state reads on a statement. These tables are the one definition: the
 * store turns them into SQL, so the export and the match cannot disagree. An operation whose
 * outcome the hub does not know yet (a bank's silence, a posting in flight at the biller) is
 * `unknown`: it is listed apart, never reported as a break, until a status inquiry settles it.
 */
export const statusOfBankOperationState: Readonly<Record<string, StatementStatus>> = {
  processing: "pending",
  pending: "pending",
  unknown: "unknown",
  succeeded: "completed",
  failed: "failed",
};

export const statusOfBillPaymentState: Readonly<Record<string, StatementStatus>> = {
  accepted: "pending",
  posting: "unknown",
  posted: "completed",
  rejected: "reversed",
  reversed: "reversed",
  posting_failed: "reversed",
};

/** A bare ledger transfer: by its resolution when it was a reservation, else posted. */
export const statusOfResolution: Readonly<
  Record<"none" | "commit" | "void" | "expire", StatementStatus>
> = {
  none: "pending",
  commit: "completed",
  void: "failed",
  expire: "failed",
};

export const statusOfPostedTransfer: StatementStatus = "completed";
