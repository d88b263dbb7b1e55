/**
 * How `clearhub bench payments` checks its run: the hub's payments against the bank's ledger,
 * the institution's position against the payments, and the hub's ledger against itself.
 */
import type { Hub } from "../hub.ts";
import { positionTotals } from "./bench-hub.ts";
import { benchCurrency, institutionId, paymentAmount } from "./bench-payments-network.ts";
import { countsByState, ProblemList } from "./bench-reconcile.ts";

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
  return countsByState(rows);
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
  const list = new ProblemList();
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
      list.note(
        `bank debited ${debit.transactionId}, the hub has it ${row?.state ?? "not at all"}`,
      );
    } else if (debit.amount !== paymentAmount) {
      list.add(`bank debited ${debit.amount} for ${debit.transactionId}, not ${paymentAmount}`);
    }
  }
  let succeeded = 0n;
  for (const row of rows) {
    if (row.state !== "succeeded") continue;
    succeeded += BigInt(row.amount);
    if (!debitsByTransaction.has(row.transaction_id)) {
      lost++;
      list.note(`payment ${row.id} succeeded, the bank has no debit`);
    }
  }
  list.addCounts(lost, doubled, "bank debits");
  const position = await positionTotals(hub, institutionId, benchCurrency);
  if (position.creditsPosted !== succeeded) {
    list.add(
      `the institution's position was credited ${position.creditsPosted} fen, its succeeded payments total ${succeeded}`,
    );
  }
  await list.addLedgerProblems(hub);
  return { bankDebits: debits.length, lost, doubled, problems: list.problems };
}
