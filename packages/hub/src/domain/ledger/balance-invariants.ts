import type { AccountState } from "./account.ts";

/**
 * Assertions of the ledger's invariants, checked on every batch before anything is written.
 * They throw: a breach is a bug in the engine, never a caller's mistake, and the batch's
 * transaction must not commit.
 */
export function assertNonNegative(account: AccountState): void {
  if (
    account.debitsPosted < 0n ||
    account.creditsPosted < 0n ||
    account.debitsPending < 0n ||
    account.creditsPending < 0n
  ) {
    throw new Error(`account ${account.id} balance went negative`);
  }
}

export interface Balances {
  readonly debitsPosted: bigint;
  readonly creditsPosted: bigint;
  readonly debitsPending: bigint;
  readonly creditsPending: bigint;
}

export function balancesOf(account: AccountState): Balances {
  const { debitsPosted, creditsPosted, debitsPending, creditsPending } = account;
  return { debitsPosted, creditsPosted, debitsPending, creditsPending };
}

/** Double entry: per currency, the batch added as much to debits as to credits, posted and pending. */
export function assertBalanced(before: ReadonlyMap<AccountState, Balances>): void {
  const netByCurrency = new Map<string, { posted: bigint; pending: bigint }>();
  for (const [account, was] of before) {
    const net = netByCurrency.get(account.currency) ?? { posted: 0n, pending: 0n };
    net.posted +=
      account.debitsPosted - was.debitsPosted - (account.creditsPosted - was.creditsPosted);
    net.pending +=
      account.debitsPending - was.debitsPending - (account.creditsPending - was.creditsPending);
    netByCurrency.set(account.currency, net);
  }
  for (const [currency, net] of netByCurrency) {
    if (net.posted !== 0n || net.pending !== 0n) {
      throw new Error(`batch does not balance in ${currency}`);
    }
  }
}
