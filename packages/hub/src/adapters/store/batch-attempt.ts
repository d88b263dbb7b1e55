import type { AccountState } from "../../domain/ledger/account.ts";
import type { BatchOutcome } from "../../domain/ledger/batch-engine.ts";
import type { TransferRequest } from "../../domain/ledger/transfer.ts";

/**
 * Both batch paths first assume that no request id is stored yet (retries are rare) and let
 * the primary key prove it while the created transfers are written, instead of looking up
 * every id beforehand. Requests that failed were not written, so only their ids are looked up
 * afterwards: a stored one must answer `exists`, which outranks their failure. If either check
 * finds a stored id, the attempt is undone and the batch is applied again knowing every id.
 */

/** The engine updates accounts in place; each attempt starts from the balances as locked. */
export function cloneAccounts(
  accounts: ReadonlyMap<number, AccountState>,
): Map<number, AccountState> {
  const copies = new Map<number, AccountState>();
  for (const [id, account] of accounts) copies.set(id, { ...account });
  return copies;
}

/** The ids of the requests the attempt did not apply, which the primary key did not check. */
export function unappliedRequestIds(
  requests: readonly TransferRequest[],
  outcome: BatchOutcome,
): string[] {
  return requests
    .filter((_, index) => outcome.results[index] !== "ok")
    .map((request) => request.id);
}
