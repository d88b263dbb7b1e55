/**
 * How `clearhub bench api` checks its run through the operator API (so it holds for `--url`
 * too): each payer debited once per transfer acknowledged to it, the payees credited the total.
 */
import { readMoney } from "../api/money-codec.ts";
import type { DriverPayer, PhaseStats } from "./bench-api-protocol.ts";
import type { OperatorApi } from "./bench-network.ts";

/** The run's payers, each with its key, and as many payees. */
export interface Network {
  readonly payers: readonly DriverPayer[];
  readonly payeeIds: readonly string[];
}

interface AccountView {
  readonly kind: string;
  readonly currency: string;
  readonly debitsPosted: string;
  readonly creditsPosted: string;
}

function minor(amount: string, currency: string): bigint {
  const read = readMoney(amount, currency, { allowZero: true });
  if (!read.ok) throw new Error(`the hub answered an unreadable amount ${amount}`);
  return read.minor;
}

/**
 * Every payer's position was debited exactly once per transfer acknowledged to it, and the
 * payees were credited the total: read through the operator API, so it holds for --url too.
 */
export async function checkPositions(
  operator: OperatorApi,
  network: Network,
  createdByPayer: ReadonlyMap<string, number>,
  transfer: { readonly currency: string; readonly amount: string },
): Promise<string[]> {
  const { currency } = transfer;
  const problems: string[] = [];
  const position = async (id: string) => {
    const found = await operator<{ accounts: AccountView[] }>("GET", `/participants/${id}`);
    const account = found.accounts.find(
      (candidate) => candidate.kind === "position" && candidate.currency === currency,
    );
    if (account === undefined) throw new Error(`${id} has no ${currency} position`);
    return account;
  };
  const each = minor(transfer.amount, currency);
  let total = 0n;
  for (const payer of network.payers) {
    const expected = BigInt(createdByPayer.get(payer.id) ?? 0) * each;
    const debited = minor((await position(payer.id)).debitsPosted, currency);
    total += expected;
    if (debited !== expected) {
      problems.push(`${payer.id}: debited ${debited} minor units, acknowledged ${expected}`);
    }
  }
  let credited = 0n;
  for (const payeeId of network.payeeIds)
    credited += minor((await position(payeeId)).creditsPosted, currency);
  if (credited !== total) problems.push(`payees credited ${credited}, acknowledged ${total}`);
  return problems;
}

export function mergeCreatedByPayer(phases: readonly PhaseStats[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const phase of phases) {
    for (const [payer, created] of Object.entries(phase.createdByPayer)) {
      merged.set(payer, (merged.get(payer) ?? 0) + created);
    }
  }
  return merged;
}
