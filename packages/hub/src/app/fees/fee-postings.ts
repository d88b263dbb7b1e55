import type { FeeTransactionType } from "../../domain/fees/fee-schedule.ts";
import type { AccountKind } from "../../domain/ledger/account.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import { feeTransferId, type PostingRequest } from "../../domain/ledger/transfer.ts";
import type { FeeScheduleService } from "./fee-schedule-service.ts";

/** Where the operator's accounts are found (and opened in a new currency). */
export type OperatorAccountIds = (currency: string, kind: AccountKind) => Promise<number>;

/**
 * The fee transfer that goes with a transaction's own transfer: from the payer's position (the
 * transfer's debit account, or the initiator's when it is the payee) to the operator's `fee` account, in the same currency and of the
 * same kind: a reservation's fee is reserved with it (so the cap counts both from the start,
 * and a void or an expiry costs the payer nothing), a posting's is posted.
 */
export class FeePostings {
  /** Account ids never change once opened: each currency's fee account is read once. */
  private readonly feeAccounts = new Map<string, Promise<number>>();

  constructor(
    private readonly schedules: Pick<FeeScheduleService, "feeFor">,
    private readonly operatorAccountId: OperatorAccountIds,
  ) {}

  /** The fee transfer for `posting`, whose payer is its debit account; null when none is due. */
  async feeOf(
    posting: PostingRequest,
    transactionType: FeeTransactionType,
    payerId: string,
  ): Promise<PostingRequest | null> {
    const fee = await this.priceOf(transactionType, payerId, posting.currency, posting.amount);
    return fee === null ? null : this.postingOf(posting, fee, posting.debitAccountId);
  }

  /** The fee due on a transaction, for one priced once and kept (null for none). */
  async priceOf(
    transactionType: FeeTransactionType,
    payerId: string,
    currency: string,
    amountMinor: bigint,
  ): Promise<bigint | null> {
    const fee = await this.schedules.feeFor(transactionType, payerId, currency, amountMinor);
    return fee === 0n ? null : fee;
  }

  /** The transfer of a fee priced earlier, from the payer's position account. */
  async postingOf(
    posting: PostingRequest,
    feeMinor: bigint,
    payerAccountId: number,
  ): Promise<PostingRequest> {
    return {
      kind: posting.kind,
      id: feeTransferId(posting.id),
      debitAccountId: payerAccountId,
      creditAccountId: await this.feeAccount(posting.currency),
      amount: feeMinor,
      currency: posting.currency,
      timeoutMs: posting.timeoutMs,
    };
  }

  private feeAccount(currency: string): Promise<number> {
    const known = this.feeAccounts.get(currency);
    if (known !== undefined) return known;
    const reading = this.operatorAccountId(currency, "fee");
    reading.catch(() => this.feeAccounts.delete(currency));
    this.feeAccounts.set(currency, reading);
    return reading;
  }
}

/**
 * A transaction's transfer and its fee as one linked group, the transaction's first: both apply
 * or neither does. The transaction's own transfer carries `linked` only when a fee follows it.
 */
export function withFee(posting: PostingRequest, fee: PostingRequest | null): PostingRequest[] {
  return fee === null ? [posting] : [{ ...posting, linked: true }, fee];
}

/**
 * The code that answers for a transaction submitted with `withFee`: its own, unless the group
 * failed because of the fee, whose code then names the reason (a cap the fee would pass).
 * A fee id already taken with the transaction new cannot come from the hub's own retries.
 */
export function transactionCode(
  own: TransferResultCode,
  fee: TransferResultCode | undefined,
): TransferResultCode {
  if (own !== "linked_event_failed" || fee === undefined) return own;
  return fee === "exists" || fee === "exists_with_different_fields" ? "linked_event_failed" : fee;
}
