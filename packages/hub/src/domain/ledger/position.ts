import { type AccountState, exposure } from "./account.ts";

type Balances = Pick<AccountState, "debitsPosted" | "debitsPending" | "creditsPosted">;

/**
 * A participant's net obligation from cleared (posted), not yet settled transfers, read off its
 * position account: credits minus debits. Negative means the participant owes the network;
 * positive, the network owes it. Reservations are not cleared, so they are not counted here.
 */
export function netPosition(position: Pick<Balances, "debitsPosted" | "creditsPosted">): bigint {
  return position.creditsPosted - position.debitsPosted;
}

/**
 * How much more the participant may owe before its net debit cap refuses a transfer: the cap
 * minus its exposure, which counts pending debits as the ledger's limit check does. Null without
 * a cap; negative only if the cap was lowered below what is already owed.
 */
export function headroom(position: Balances, netDebitCap: bigint | null): bigint | null {
  return netDebitCap === null ? null : netDebitCap - exposure(position);
}

/** Funds deposited for settlement: the settlement account's posted balance. */
export function reserveBalance(settlement: Pick<Balances, "debitsPosted" | "creditsPosted">) {
  return settlement.creditsPosted - settlement.debitsPosted;
}
