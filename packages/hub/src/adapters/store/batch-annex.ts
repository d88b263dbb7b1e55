import type { AccountState } from "../../domain/ledger/account.ts";
import type { BatchOutcome } from "../../domain/ledger/batch-engine.ts";
import type { TransferDetail, TransferRequest } from "../../domain/ledger/transfer.ts";
import { type TransferEvent, transferEvents } from "../../domain/notifications/transfer-event.ts";

/** A `transfer_details` row. */
export interface DetailRow extends TransferDetail {
  readonly transferId: string;
  readonly createdAt: number;
}

/**
 * What is written beside a batch's ledger rows, in the same transaction: the details of the
 * accepted transfers participants asked for, and the events the batch raises (the outbox).
 */
export interface BatchAnnex {
  readonly details: DetailRow[];
  readonly events: TransferEvent[];
}

export function batchAnnex(
  requests: readonly TransferRequest[],
  outcome: BatchOutcome,
): BatchAnnex {
  const createdAt = outcome.journal?.createdAt ?? 0;
  const details: DetailRow[] = [];
  for (let index = 0; index < requests.length; index++) {
    const request = requests[index] as TransferRequest;
    if (outcome.results[index] !== "ok" || !("detail" in request)) continue;
    if (request.detail !== undefined) {
      details.push({ ...request.detail, transferId: request.id, createdAt });
    }
  }
  const accounts = new Map<number, AccountState>();
  for (const account of outcome.changedAccounts) accounts.set(account.id, account);
  return { details, events: transferEvents(outcome.created, accounts) };
}

/** The distinct participants the events are for: whose endpoints the batch must read. */
export function eventRecipients(events: readonly TransferEvent[]): string[] {
  return [...new Set(events.map((event) => event.recipientId))];
}
