import type { AccountState } from "../ledger/account.ts";
import {
  feeTransferId,
  feeTransferIdPrefix,
  type StoredTransfer,
  type TransferKind,
} from "../ledger/transfer.ts";
import { formatAmount } from "../money/amount.ts";
import { findCurrency } from "../money/currency.ts";
import type { EventType } from "./event-type.ts";

/** What a transfer between two participants' positions is, as its parties are told. */
export type TransferState = "posted" | "reserved" | "committed" | "voided" | "expired";

/** An event for one participant, ready to be matched with its webhook endpoints. */
export interface TransferEvent {
  /** The same for every recipient and every retry of the batch: receivers deduplicate on it. */
  readonly id: string;
  readonly type: EventType;
  readonly recipientId: string;
  readonly createdAt: number;
  /** What happened, shared by the event's recipients; see `transferEventPayload`. */
  readonly subject: EventSubject;
}

export interface EventSubject {
  readonly transfer: StoredTransfer;
  readonly state: TransferState;
  readonly payerId: string;
  readonly payeeId: string;
  /**
   * The fee transfer that moved with this one in the batch (posted, reserved, committed or
   * voided with it), if any: what the payer was charged for it.
   */
  readonly fee: StoredTransfer | null;
}

const eventOfKind: Readonly<Record<TransferKind, { type: EventType; state: TransferState }>> = {
  posted: { type: "transfer.credited", state: "posted" },
  pending: { type: "transfer.reserved", state: "reserved" },
  commit: { type: "transfer.committed", state: "committed" },
  void: { type: "transfer.voided", state: "voided" },
  expire: { type: "transfer.expired", state: "expired" },
};

/**
 * The events the transfers of a batch raise. Only transfers between two participants'
 * positions concern them (funding and the operator's own accounts do not). A new transfer is
 * news to its payee, who did not ask for it; a reservation's outcome is news to both parties.
 * `accounts` must hold every account the transfers touch, as a batch's changed accounts do.
 */
export function transferEvents(
  transfers: readonly StoredTransfer[],
  accounts: ReadonlyMap<number, AccountState>,
): TransferEvent[] {
  const events: TransferEvent[] = [];
  const fees = feesOf(transfers);
  for (const transfer of transfers) {
    const payer = accounts.get(transfer.debitAccountId);
    const payee = accounts.get(transfer.creditAccountId);
    if (payer?.kind !== "position" || payee?.kind !== "position") continue;
    const { type, state } = eventOfKind[transfer.kind];
    const id = `${type}:${transfer.pendingId ?? transfer.id}`;
    const fee = fees?.get(feeTransferId(transfer.pendingId ?? transfer.id)) ?? null;
    const payerId = payer.participantId;
    const subject = { transfer, state, payerId, payeeId: payee.participantId, fee };
    const recipients =
      transfer.pendingId === null
        ? [payee.participantId]
        : [payer.participantId, payee.participantId];
    for (const recipientId of new Set(recipients)) {
      events.push({ id, type, recipientId, createdAt: transfer.createdAt, subject });
    }
  }
  return events;
}

/**
 * The batch's fee transfers by the id of the fee they post or resolve; undefined when there are
 * none, so a batch without fees pays one prefix test per transfer and nothing more.
 */
function feesOf(transfers: readonly StoredTransfer[]): Map<string, StoredTransfer> | undefined {
  let fees: Map<string, StoredTransfer> | undefined;
  for (const transfer of transfers) {
    const feeId = transfer.pendingId ?? transfer.id;
    if (!feeId.startsWith(feeTransferIdPrefix)) continue;
    fees ??= new Map();
    fees.set(feeId, transfer);
  }
  return fees;
}

/**
 * The JSON body a webhook carries. Built only for events an endpoint subscribed to: most
 * transfers have none, and a batch of thousands would otherwise format every one.
 */
export function transferEventPayload(event: TransferEvent): string {
  const { transfer, state, payerId, payeeId, fee } = event.subject;
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: new Date(transfer.createdAt).toISOString(),
    data: {
      transferId: transfer.pendingId ?? transfer.id,
      state,
      payer: payerId,
      payee: payeeId,
      amount: formatTransferAmount(transfer),
      currency: transfer.currency,
      reference: transfer.reference,
      fee: fee === null ? null : { amount: formatTransferAmount(fee), currency: fee.currency },
    },
  });
}

function formatTransferAmount(transfer: StoredTransfer): string {
  const currency = findCurrency(transfer.currency);
  // The ledger accepts only known currencies, so this holds for every stored transfer.
  if (currency === undefined) throw new Error(`transfer ${transfer.id} has unknown currency`);
  return formatAmount(transfer.amount, currency);
}
