/**
 * How `clearhub bench payments` checks its run: the hub's payments against the bank's ledger,
 * the institution's position against the payments, and the hub's ledger against itself.
 */
import { verifyLedger } from "../app/ledger/verify-ledger.ts";
import type { Hub } from "../hub.ts";
import { positionTotals } from "./bench-hub.ts";
import { benchCurrency, institutionId, paymentAmount } from "./bench-payments-network.ts";

/** At most this many single discrepancies are listed; the counts hold them all. */
const problemsListedMax = 10;

interface BankLedgerEntry {
  readonly transactionId: string;
  readonly operation: string;
  readonly paymentInstitutionId: string;
  readonly amount: string;
}

export interface PaymentsReconciliation {
  readonly bankDebits: number;
  readonly lost: number;
  readonly doubled: number;
  readonly problems: string[];
}

/** The institution's payments by state, as the hub records them. */
export async function paymentStates(hub: Hub): Promise<Record<string, number>> {
  const rows = await hub.database.kysely
    .selectFrom("bank_operations")
    .select(["state", (eb) => eb.fn.countAll<number | bigint | string>().as("n")])
    .where("payment_institution_id", "=", institutionId)
    .groupBy("state")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
}

/**
 * The hub's records against the bank's ledger: every debit the bank applied is a payment the
 * hub records as succeeded, for the same amount, once; every payment the hub records as
 * succeeded is a debit at the bank. The institution's position holds exactly the succeeded.
 */
export async function reconcilePayments(
  hub: Hub,
  bankOrigin: string,
): Promise<PaymentsReconciliation> {
  const response = await fetch(`${bankOrigin}/admin/ledger`);
  const { entries } = (await response.json()) as { entries: BankLedgerEntry[] };
  const debits = entries.filter(
    (entry) => entry.operation === "debit" && entry.paymentInstitutionId === institutionId,
  );
  const rows = await hub.database.kysely
    .selectFrom("bank_operations")
    .select(["id", "transaction_id", "state", "amount"])
    .where("payment_institution_id", "=", institutionId)
    .execute();
  const byTransaction = new Map(rows.map((row) => [row.transaction_id, row]));
  const debitsByTransaction = new Map<string, number>();
  const problems: string[] = [];
  const note = (problem: string) => {
    if (problems.length < problemsListedMax) problems.push(problem);
  };
  let lost = 0;
  let doubled = 0;
  for (const debit of debits) {
    const seen = (debitsByTransaction.get(debit.transactionId) ?? 0) + 1;
    debitsByTransaction.set(debit.transactionId, seen);
    if (seen > 1) {
      doubled++;
      continue;
    }
    const row = byTransaction.get(debit.transactionId);
    if (row?.state !== "succeeded") {
      lost++;
      note(`bank debited ${debit.transactionId}, the hub has it ${row?.state ?? "not at all"}`);
    } else if (debit.amount !== paymentAmount) {
      problems.push(
        `bank debited ${debit.amount} for ${debit.transactionId}, not ${paymentAmount}`,
      );
    }
  }
  let succeeded = 0n;
  for (const row of rows) {
    if (row.state !== "succeeded") continue;
    succeeded += BigInt(row.amount);
    if (!debitsByTransaction.has(row.transaction_id)) {
      lost++;
      note(`payment ${row.id} succeeded, the bank has no debit`);
    }
  }
  if (lost > 0) problems.push(`${lost} payments lost`);
  if (doubled > 0) problems.push(`${doubled} bank debits doubled`);
  const position = await positionTotals(hub, institutionId, benchCurrency);
  if (position.creditsPosted !== succeeded) {
    problems.push(
      `the institution's position was credited ${position.creditsPosted} fen, its succeeded payments total ${succeeded}`,
    );
  }
  const ledger = await verifyLedger(hub.ledgerStore);
  problems.push(...ledger.problems);
  return { bankDebits: debits.length, lost, doubled, problems };
}
