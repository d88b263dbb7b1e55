/**
 * How `clearhub bench bill-payments` checks its run: the hub's bill payments against the
 * biller's postings, the biller's position against the payments, the hub's ledger against
 * itself; and how long each payment took to be posted.
 */
import type { PostingView } from "@clearhub/simulators";
import { formatAmount } from "../domain/money/amount.ts";
import { findCurrency } from "../domain/money/currency.ts";
import type { Hub } from "../hub.ts";
import { benchCurrency, billerId, channelId } from "./bench-bill-payments-network.ts";
import type { BillerProcess } from "./bench-biller-process.ts";
import { type LatencySummary, latencySummary } from "./bench-figures.ts";
import { positionTotals } from "./bench-hub.ts";
import { countsByState, ProblemList } from "./bench-reconcile.ts";

export interface BillPaymentsReconciliation {
  /** Postings the biller applied (accepted and not reversed). */
  readonly billerPostings: number;
  /**
   * Payments the hub accepted that the biller has not applied, plus postings the biller
   * applied that the hub does not record as posted.
   */
  readonly lost: number;
  /**
   * Postings the biller applied beyond one per payment: a posting id listed twice, or an
   * applied posting no payment of the hub's has.
   */
  readonly doubled: number;
  /** Payments taken up after their first posting: posted again, or asked about by inquiry. */
  readonly takenUp: number;
  /** From the payment's acceptance to its posting at the biller, over posted payments. */
  readonly postingLag: LatencySummary;
  readonly problems: string[];
}

/** The channel's bill payments by state, as the hub records them. */
export async function billPaymentStates(hub: Hub): Promise<Record<string, number>> {
  const rows = await hub.database.kysely
    .selectFrom("bill_payments")
    .select(["state", (eb) => eb.fn.countAll<number | bigint | string>().as("n")])
    .where("channel_id", "=", channelId)
    .groupBy("state")
    .execute();
  return countsByState(rows);
}

interface PaymentRow {
  readonly id: string;
  readonly postingId: string;
  readonly state: string;
  readonly amount: bigint;
  readonly createdAt: number;
  readonly postedAt: number | null;
  readonly inquiries: number;
}

async function paymentRows(hub: Hub): Promise<PaymentRow[]> {
  const rows = await hub.database.kysely
    .selectFrom("bill_payments")
    .select(["id", "posting_id", "state", "amount", "created_at", "posted_at", "inquiries"])
    .where("channel_id", "=", channelId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    postingId: row.posting_id,
    state: row.state,
    amount: BigInt(row.amount),
    createdAt: Number(row.created_at),
    postedAt: row.posted_at === null ? null : Number(row.posted_at),
    inquiries: Number(row.inquiries),
  }));
}

/** Postings the biller applied: accepted (pending ones are not yet), and not taken back. */
function applied(posting: PostingView): boolean {
  return posting.answer.status === "accepted" && !posting.reversed;
}

/**
 * Every payment the hub accepted is one posting the biller applied, for the same amount, and
 * the hub records it posted; the biller applied nothing else. The biller's position holds
 * exactly the posted payments.
 */
export async function reconcileBillPayments(
  hub: Hub,
  biller: BillerProcess,
): Promise<BillPaymentsReconciliation> {
  const currency = findCurrency(benchCurrency);
  if (currency === undefined) throw new Error(`unknown currency ${benchCurrency}`);
  const { postings } = await biller.admin<{ postings: PostingView[] }>("/admin/postings");
  const rows = await paymentRows(hub);
  const byPosting = new Map(rows.map((row) => [row.postingId, row]));
  const appliedCount = new Map<string, number>();
  const list = new ProblemList();
  let lost = 0;
  let doubled = 0;
  const appliedPostings = postings.filter(applied);
  for (const posting of appliedPostings) {
    const seen = (appliedCount.get(posting.postingId) ?? 0) + 1;
    appliedCount.set(posting.postingId, seen);
    const row = byPosting.get(posting.postingId);
    if (seen > 1 || row === undefined) {
      doubled++;
      list.note(`the biller applied posting ${posting.postingId} beyond one per payment`);
    } else if (row.state !== "posted") {
      lost++;
      list.note(
        `the biller applied ${posting.postingId}, the hub has payment ${row.id} ${row.state}`,
      );
    } else if (posting.request?.amount !== formatAmount(row.amount, currency)) {
      list.note(
        `the biller applied ${posting.request?.amount} for ${row.id}, not ${row.amount} fen`,
      );
    }
  }
  let posted = 0n;
  const lagsMs: number[] = [];
  for (const row of rows) {
    if (!appliedCount.has(row.postingId)) {
      lost++;
      list.note(`payment ${row.id} is ${row.state} at the hub, the biller has not applied it`);
    }
    if (row.state !== "posted") continue;
    posted += row.amount;
    // Accepted: the hub's clock when it cleared the payment; posted: the biller's receipt time,
    // which it answered and the hub stored (the same machine's clock). A lost answer settled by
    // inquiry keeps the time the biller applied it, so this is the customer's wait to be
    // credited, not how long the hub took to learn of it.
    if (row.postedAt !== null) lagsMs.push(row.postedAt - row.createdAt);
  }
  list.addCounts(lost, doubled, "postings");
  const position = await positionTotals(hub, billerId, benchCurrency);
  const net = position.creditsPosted - position.debitsPosted;
  if (net !== posted) {
    list.add(`the biller's position holds ${net} fen, its posted payments total ${posted}`);
  }
  await list.addLedgerProblems(hub);
  return {
    billerPostings: appliedPostings.length,
    takenUp: rows.filter((row) => row.inquiries > 0).length,
    lost,
    doubled,
    postingLag: latencySummary(lagsMs),
    problems: list.problems,
  };
}
