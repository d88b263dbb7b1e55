import { hubPostedTransferIdPrefixes, type PostingRequest } from "../ledger/transfer.ts";
import type { SettlementInstruction } from "./settlement-instruction.ts";

/**
 * A settlement leg moves one instruction through the ledger: a payer's settlement account
 * (its reserve) pays into its position, bringing the position back by the window's net; a
 * receiver's position pays out into its settlement account. Every leg is a transfer between
 * two accounts of the same participant, so the ledger stays balanced leg by leg, and across
 * a whole window the settlement accounts move by exactly the net positions.
 *
 * The transfer id is derived from the window and the account, in the hub's own namespace:
 * confirming twice, or on two nodes at once, asks the ledger for the same transfer, which it
 * applies once and answers `exists` the second time.
 */
export function settlementLegTransferId(windowId: string, accountId: number): string {
  return `${hubPostedTransferIdPrefixes.settlementLeg}${windowId}.${accountId}`;
}

export function isSettlementLegTransferId(id: string): boolean {
  return id.startsWith(hubPostedTransferIdPrefixes.settlementLeg);
}

/** The participant's accounts a leg moves money between. */
export interface LegAccounts {
  /** The netted account: a position, or the operator's fee account. */
  readonly nettedAccountId: number;
  readonly settlementAccountId: number;
}

export function settlementLegRequest(
  instruction: SettlementInstruction,
  accounts: LegAccounts,
): PostingRequest {
  const paying = instruction.direction === "pay";
  return {
    kind: "posted",
    id: settlementLegTransferId(instruction.windowId, accounts.nettedAccountId),
    debitAccountId: paying ? accounts.settlementAccountId : accounts.nettedAccountId,
    creditAccountId: paying ? accounts.nettedAccountId : accounts.settlementAccountId,
    amount: instruction.amount,
    currency: instruction.currency,
    reference: `settlement ${instruction.windowId}`,
  };
}

/** The leg's effect on the netted account: positive when it credits it (the participant paid). */
export function legAmountOnNetted(instruction: SettlementInstruction): bigint {
  return instruction.direction === "pay" ? instruction.amount : -instruction.amount;
}
