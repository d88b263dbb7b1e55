/**
 * Every outcome of a transfer, in order of precedence: when several apply, the ledger returns
 * the first. The set is closed; callers switch on it. `transient` means the same request may
 * succeed if retried unchanged later (state or the database may change); a permanent result
 * will be the same on every retry.
 */
export const transferResultCodes = {
  ok: { transient: false, meaning: "The transfer was applied." },
  linked_event_failed: {
    transient: true,
    meaning:
      "Another transfer in the same linked group did not succeed (a retried group's members answer `exists`), so this request applied none of the group.",
  },
  linked_event_chain_open: {
    transient: false,
    meaning: "The last transfer of a batch is marked linked, so its group has no end.",
  },
  id_invalid: {
    transient: false,
    meaning:
      "The id is empty, longer than 64 characters, or uses characters outside [A-Za-z0-9._:-].",
  },
  amount_must_be_positive: { transient: false, meaning: "The amount is zero or negative." },
  accounts_must_be_different: {
    transient: false,
    meaning: "The debit and credit account are the same account.",
  },
  timeout_invalid: {
    transient: false,
    meaning: "A pending transfer needs a timeout within the allowed range; other kinds take none.",
  },
  reference_invalid: {
    transient: false,
    meaning:
      "The reference is longer than 128 characters, or holds a control character or an unpaired UTF-16 surrogate (which no database stores faithfully).",
  },
  exists_with_different_fields: {
    transient: false,
    meaning: "A transfer with this id exists and differs in at least one field.",
  },
  exists: {
    transient: false,
    meaning: "A transfer with this id and exactly these fields exists; nothing new was applied.",
  },
  // Permanent: account ids are assigned in sequence, so a retry could reach an account opened later.
  account_not_found: { transient: false, meaning: "The debit or credit account does not exist." },
  currency_mismatch: {
    transient: false,
    meaning: "The transfer's currency differs from the debit or credit account's currency.",
  },
  participant_inactive: {
    transient: true,
    meaning: "The debit or credit account belongs to a suspended or terminated participant.",
  },
  balance_overflow: {
    transient: false,
    meaning: "The transfer would take an account's debits or credits beyond 2^63 − 1 minor units.",
  },
  pending_not_found: {
    transient: false,
    meaning: "No pending transfer has the id this commit or void refers to.",
  },
  already_committed: { transient: false, meaning: "The pending transfer was already committed." },
  already_voided: { transient: false, meaning: "The pending transfer was already voided." },
  pending_expired: {
    transient: false,
    meaning: "The pending transfer passed its timeout and its amount was released.",
  },
  pending_not_expired: {
    transient: true,
    meaning: "Expiry was asked for a pending transfer whose timeout has not passed (hub-internal).",
  },
  exceeds_net_debit_cap: {
    transient: true,
    meaning: "The debit would take the participant's position beyond its net debit cap.",
  },
  insufficient_liquidity: {
    transient: true,
    meaning: "The debit would take a settlement account below zero.",
  },
  storage_unavailable: {
    transient: true,
    meaning: "The database transaction for the batch failed; nothing in it was applied.",
  },
} as const satisfies Record<string, { transient: boolean; meaning: string }>;

export type TransferResultCode = keyof typeof transferResultCodes;

export function isTransient(code: TransferResultCode): boolean {
  return transferResultCodes[code].transient;
}
