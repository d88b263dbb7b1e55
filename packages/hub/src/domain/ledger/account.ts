/**
 * The kinds of ledger account. Every participant holds one of each of the first three per
 * currency; the operator also holds the reconciliation account, the hub's own bank account
 * that deposits into and withdrawals from settlement accounts are booked against.
 */
export type AccountKind = "position" | "settlement" | "fee" | "reconciliation";

export const accountKinds: readonly AccountKind[] = [
  "position",
  "settlement",
  "fee",
  "reconciliation",
];

/** What the ledger engine needs of an account, loaded and locked for one batch. */
export interface AccountState {
  readonly id: number;
  readonly participantId: string;
  readonly kind: AccountKind;
  readonly currency: string;
  readonly participantActive: boolean;
  /**
   * The most the account's net debit (debits posted + pending − credits posted) may reach;
   * null for no limit. A position's limit is the participant's net debit cap; a settlement
   * account's is zero, so deposited funds cannot be overdrawn.
   */
  readonly debitLimit: bigint | null;
  debitsPosted: bigint;
  creditsPosted: bigint;
  debitsPending: bigint;
  creditsPending: bigint;
}

/** Net debit counted against the limit: pending debits count, pending credits do not. */
export function exposure(
  account: Pick<AccountState, "debitsPosted" | "debitsPending" | "creditsPosted"> &
    Partial<AccountState>,
): bigint {
  return account.debitsPosted + account.debitsPending - account.creditsPosted;
}
