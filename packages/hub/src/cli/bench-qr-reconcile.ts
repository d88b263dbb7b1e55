/**
 * How `clearhub bench qr` checks its run: the hub's consumer-presented payments against the
 * wallet simulator's own books (each payment the hub shows succeeded charged exactly once at the
 * wallet, and nothing else charged), both modes' clearing against the positions (each succeeded
 * payment cleared exactly once), and the hub's ledger against itself.
 */
import type { WalletPaymentView } from "@clearhub/simulators";
import { parseAmount } from "../domain/money/amount.ts";
import { type Currency, findCurrency } from "../domain/money/currency.ts";
import type { Hub } from "../hub.ts";
import { count } from "./bench-figures.ts";
import { positionTotals } from "./bench-hub.ts";
import { acquirerId, benchCurrency, walletId } from "./bench-qr-network.ts";
import { countsByState, ProblemList } from "./bench-reconcile.ts";
import type { WalletProcess } from "./bench-wallet-process.ts";

export interface QrReconciliation {
  /** Payments the wallet charged (approved, not reversed, not refunded whole). */
  readonly walletCharges: number;
  /**
   * Payments charged at the wallet that the hub does not show succeeded, plus consumer-presented
   * payments the hub shows succeeded that the wallet did not charge; and fen the positions hold
   * short of the succeeded payments.
   */
  readonly lost: number;
  /**
   * Charges at the wallet beyond one per payment (one payment id twice, or a charge no payment
   * of the hub's has), plus fen the positions hold beyond the succeeded payments (cleared twice).
   */
  readonly doubled: number;
  /** Consumer-presented payments whose outcome the hub learnt by inquiry. */
  readonly inquired: number;
  /** The payments that did not succeed, by the hub's failure code. */
  readonly failureCodes: Record<string, number>;
  readonly problems: string[];
}

/** The run's barcode payments by state and mode, as the hub records them. */
export async function qrPaymentStates(hub: Hub): Promise<Record<string, number>> {
  const rows = await hub.database.kysely
    .selectFrom("barcode_payments")
    .select(["state", (eb) => eb.fn.countAll<number | bigint | string>().as("n")])
    .where("issuer_id", "=", walletId)
    .groupBy("state")
    .execute();
  return countsByState(rows);
}

/** A payment of the hub's as the reconciliation reads it. */
export interface PaymentRow {
  readonly paymentId: string;
  readonly instrument: string;
  readonly state: string;
  readonly failureCode?: string | null;
  readonly amount: bigint;
  readonly inquiries: number;
}

async function paymentRows(hub: Hub): Promise<PaymentRow[]> {
  const rows = await hub.database.kysely
    .selectFrom("barcode_payments")
    .select(["payment_id", "instrument", "state", "failure_code", "amount", "inquiries"])
    .where("issuer_id", "=", walletId)
    .execute();
  return rows.map((row) => ({
    paymentId: row.payment_id,
    instrument: row.instrument,
    state: row.state,
    failureCode: row.failure_code,
    amount: BigInt(row.amount),
    inquiries: Number(row.inquiries),
  }));
}

/** What the wallet took from its customer for the payment, in fen; 0 for none. */
function chargedMinor(payment: WalletPaymentView, currency: Currency): bigint {
  const parsed = parseAmount(payment.charged, currency, { allowZero: true });
  if (!parsed.ok) throw new Error(`the wallet shows ${payment.charged} charged`);
  return parsed.minor;
}

/**
 * Consumer-presented payments: the hub's rows against the wallet's charges. Pure, so the rules
 * are tested on made-up books.
 */
export function reconcileCharges(
  rows: readonly PaymentRow[],
  payments: readonly WalletPaymentView[],
  currency: Currency,
  list: ProblemList,
): { lost: number; doubled: number; charges: number } {
  const byId = new Map(rows.map((row) => [row.paymentId, row]));
  const charged = new Set<string>();
  let lost = 0;
  let doubled = 0;
  for (const payment of payments) {
    const minor = chargedMinor(payment, currency);
    if (minor === 0n) continue;
    const row = byId.get(payment.paymentId);
    if (row === undefined || charged.has(payment.paymentId)) {
      doubled++;
      list.note(`the wallet charged ${payment.paymentId} beyond one per payment of the hub's`);
    } else if (row.state !== "succeeded") {
      lost++;
      list.note(`the wallet charged ${payment.paymentId}, the hub has it ${row.state}`);
    } else if (minor !== row.amount) {
      list.note(
        `the wallet charged ${payment.charged} for ${row.paymentId}, not ${row.amount} fen`,
      );
    }
    charged.add(payment.paymentId);
  }
  for (const row of rows) {
    if (row.instrument !== "payment_code" || row.state !== "succeeded") continue;
    if (!charged.has(row.paymentId)) {
      lost++;
      list.note(`payment ${row.paymentId} succeeded at the hub, the wallet did not charge it`);
    }
  }
  return { lost, doubled, charges: charged.size };
}

/**
 * Every succeeded payment (both modes) is in the positions once: the acquirer's holds their
 * sum, the wallet's gives it. Fen the acquirer holds beyond count as doubled, fen short as lost
 * (one fen a payment); the wallet's position is checked alike, as a problem.
 */
async function reconcileClearing(
  hub: Hub,
  rows: readonly PaymentRow[],
  list: ProblemList,
): Promise<{ lost: number; doubled: number }> {
  const succeeded = rows
    .filter((row) => row.state === "succeeded")
    .reduce((sum, row) => sum + row.amount, 0n);
  const net = async (participantId: string) => {
    const position = await positionTotals(hub, participantId, benchCurrency);
    return position.creditsPosted - position.debitsPosted;
  };
  const acquired = await net(acquirerId);
  const given = -(await net(walletId));
  for (const [participantId, held] of [
    [acquirerId, acquired],
    [walletId, given],
  ] as const) {
    if (held !== succeeded) {
      list.add(
        `${participantId}'s position moved ${held} fen, its succeeded payments ${succeeded}`,
      );
    }
  }
  return acquired >= succeeded
    ? { lost: 0, doubled: Number(acquired - succeeded) }
    : { lost: Number(succeeded - acquired), doubled: 0 };
}

function failureCodes(rows: readonly PaymentRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    if (row.state !== "succeeded" && row.failureCode) count(counts, row.failureCode);
  }
  return counts;
}

/** Reconciles the run once every payment has settled; `lost` and `doubled` 0 when all is well. */
export async function reconcileQrPayments(
  hub: Hub,
  wallet: WalletProcess,
): Promise<QrReconciliation> {
  const currency = findCurrency(benchCurrency);
  if (currency === undefined) throw new Error(`unknown currency ${benchCurrency}`);
  const [{ payments }, rows] = await Promise.all([wallet.books(), paymentRows(hub)]);
  const list = new ProblemList();
  const charges = reconcileCharges(rows, payments, currency, list);
  const clearing = await reconcileClearing(hub, rows, list);
  const lost = charges.lost + clearing.lost;
  const doubled = charges.doubled + clearing.doubled;
  list.addCounts(lost, doubled, "charges or clearings");
  await list.addLedgerProblems(hub);
  return {
    walletCharges: charges.charges,
    lost,
    doubled,
    inquired: rows.filter((row) => row.inquiries > 0).length,
    failureCodes: failureCodes(rows),
    problems: list.problems,
  };
}
