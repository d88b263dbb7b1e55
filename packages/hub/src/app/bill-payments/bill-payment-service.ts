import {
  type BillPayment,
  clearingTransferIdOf,
  postingIdOf,
} from "../../domain/bill-payments/bill-payment.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import {
  feeTransferId,
  type PostingRequest,
  type StoredTransfer,
} from "../../domain/ledger/transfer.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { BillerRegistry } from "../billers/biller-registry.ts";
import type { ChannelPermission } from "../channels/channel-suspension-service.ts";
import { type FeePostings, transactionCode, withFee } from "../fees/fee-postings.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { PositionAccounts } from "../participants/position-accounts.ts";
import type { BillPaymentStore } from "../ports/bill-payment-store.ts";
import type { FieldSealer } from "../ports/field-sealer.ts";
import type { LedgerStore } from "../ports/ledger-store.ts";
import { type CheckedPayment, checkBillPayment } from "./bill-payment-check.ts";
import {
  type BillPaymentOutcome,
  type BillPaymentRefusal,
  type NewBillPayment,
  refused,
} from "./bill-payment-request.ts";
import { customerParametersContext } from "./bill-posting-kind.ts";
import type { BillPostingRunner } from "./bill-posting-runner.ts";
import type { QuotedBillLookup } from "./quoted-bills.ts";

/** The operator's list of failed postings holds at most this many, the newest. */
export const failedPostingsListSizeMax = 500;

export interface BillPaymentServiceOptions {
  readonly clock: () => number;
  /** Told when a first posting throws (a store failure): the inquiry job takes it up later. */
  readonly onPostingError: (error: unknown) => void;
  /**
   * Told of each payment accepted only because a suspension's honour policy covers its bill,
   * so the operator can count what was let through a suspended channel.
   */
  readonly onHonoured?: ((payment: BillPayment) => void) | undefined;
}

/**
 * Bill payments as channels make them. A payment is checked whole before anything is written
 * (the channel, its suspensions, the biller, the bill it quotes or the customer it names, the
 * amount against the biller's exactness rule), then cleared in the ledger at once and answered `accepted`; its
 * posting to the biller runs after the answer (see BillPostingRunner).
 *
 * Clearing and recording: the ledger's batch commits transfers only, so the payment row cannot
 * share its transaction. The transfer goes first, under an id derived from the channel and the
 * payment id, then the row. A crash between the two leaves a transfer without a row, which the
 * channel's retry (the same id, as with every `/v1` POST) repairs: the ledger answers `exists`
 * and the row is written. Row first would instead leave a payment `accepted` whose money may
 * never have moved, or one the ledger then refuses (headroom), with nothing to answer for it.
 */
export class BillPaymentService {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly store: BillPaymentStore,
    private readonly billers: BillerRegistry,
    private readonly quotedBills: (channelId: string, billRef: string) => Promise<QuotedBillLookup>,
    private readonly channels: ChannelPermission,
    private readonly positions: PositionAccounts,
    private readonly ledger: GroupCommit,
    private readonly transfers: Pick<LedgerStore, "findTransfer">,
    private readonly sealer: FieldSealer,
    private readonly postings: BillPostingRunner,
    private readonly options: BillPaymentServiceOptions,
    private readonly fees: FeePostings,
  ) {}

  async pay(channel: Participant, request: NewBillPayment): Promise<BillPaymentOutcome> {
    const existing = await this.store.find(channel.id, request.id);
    if (existing !== undefined) return replay(existing, request);
    if (channel.status !== "active") return refused({ code: "participant_inactive" });
    const quoted =
      request.billRef === undefined
        ? undefined
        : await this.quotedBills(channel.id, request.billRef);
    // Before the bill is judged: a suspended channel learns nothing more of a bill it quotes.
    const permission = await this.permission(channel, request, quoted);
    if ("code" in permission) return refused(permission);
    if (
      quoted?.found === "bill" &&
      quoted.expired &&
      !(await this.outlives(channel, request, permission))
    ) {
      return refused({ code: "bill_ref_expired" });
    }
    const checked = await checkBillPayment(
      { billers: this.billers, positions: this.positions },
      channel,
      request,
      quoted,
    );
    if ("code" in checked) return refused(checked);
    const { code: cleared, feeMinor } = await this.clear(channel, request, checked);
    if (cleared !== "ok" && cleared !== "exists") {
      return cleared === "exists_with_different_fields"
        ? refused({ code: "idempotency_key_reused" })
        : refused({ code: cleared });
    }
    const payment = this.newPayment(channel, request, checked, feeMinor);
    const inserted = await this.store.insert(payment);
    if (!inserted.created) return replay(inserted.payment, request);
    this.postInBackground(inserted.payment);
    const { honoured } = permission;
    if (honoured) this.options.onHonoured?.(inserted.payment);
    return { ok: true, payment: inserted.payment, created: true, honoured };
  }

  async find(channel: Participant, id: string): Promise<BillPaymentOutcome> {
    const payment = await this.store.find(channel.id, id);
    return payment === undefined
      ? refused({ code: "bill_payment_not_found" })
      : { ok: true, payment, created: false };
  }

  /** Payments given up as `posting_failed`, newest first, for the operator to settle. */
  listPostingFailed(): Promise<BillPayment[]> {
    return this.store.listFailed(failedPostingsListSizeMax);
  }

  /** Waits for first postings under way (on shutdown; the inquiry job would take them up). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * What the channel's suspensions say of this payment: a refusal, or whether only the honour
   * policy lets it through. A payment whose money moved before a crash kept its row from being
   * written is let through whatever the suspension says now: its retry must write the row, or
   * the money would sit with the biller with no payment to post or answer for it.
   */
  private async permission(
    channel: Participant,
    request: NewBillPayment,
    quoted: QuotedBillLookup | undefined,
  ): Promise<{ honoured: boolean } | BillPaymentRefusal> {
    const verdict = await this.channels.may(channel.id, {
      capability: "bill_payment",
      billPresentedAtMs: quoted?.found === "none" ? undefined : quoted?.presentedAtMs,
    });
    if (verdict.allowed) return { honoured: verdict.honoured };
    return (await this.clearedEarlier(channel, request))
      ? { honoured: false }
      : { code: verdict.code };
  }

  /** Whether the payment's money moved already: a crash then kept its row from being written. */
  private async clearedEarlier(channel: Participant, request: NewBillPayment): Promise<boolean> {
    const clearing = clearingTransferIdOf(channel.id, request.id);
    return (await this.transfers.findTransfer(clearing)) !== undefined;
  }

  /**
   * Whether a payment may quote a reference past its expiry. A suspension's honour policy keeps
   * the bills presented before it payable until its deadline, however long after their ordinary
   * expiry: those are the users who had already paid. And a payment whose money moved before a
   * crash kept its row from being written must have its row on retry, however late.
   */
  private async outlives(
    channel: Participant,
    request: NewBillPayment,
    permission: { honoured: boolean },
  ): Promise<boolean> {
    return permission.honoured || this.clearedEarlier(channel, request);
  }

  private postInBackground(payment: BillPayment): void {
    const posting = this.postings
      .post(payment)
      .catch((error: unknown) => this.options.onPostingError(error))
      .finally(() => this.inFlight.delete(posting));
    this.inFlight.add(posting);
  }

  /**
   * Clears the payment and charges its fee in one linked group: both or neither. A clearing that
   * exists already (a crash kept its row from being written) answers the fee it was charged.
   */
  private async clear(
    channel: Participant,
    request: NewBillPayment,
    checked: CheckedPayment,
  ): Promise<{ code: TransferResultCode; feeMinor: bigint | null }> {
    const clearing = this.clearing(channel, request, checked);
    const fee = await this.fees.feeOf(clearing, "bill_payment", channel.id);
    const [own, feeCode] = await this.ledger.submit(withFee(clearing, fee));
    let code = transactionCode(own ?? "storage_unavailable", feeCode);
    if (code === "ok") return { code, feeMinor: fee?.amount ?? null };
    if (code === "exists_with_different_fields") {
      const stored = await this.transfers.findTransfer(clearing.id);
      if (stored !== undefined && sameClearing(clearing, stored)) code = "exists";
    }
    if (code !== "exists") return { code, feeMinor: null };
    const charged = await this.transfers.findTransfer(feeTransferId(clearing.id));
    return { code, feeMinor: charged?.amount ?? null };
  }

  private clearing(
    channel: Participant,
    request: NewBillPayment,
    checked: CheckedPayment,
  ): PostingRequest {
    return {
      kind: "posted",
      id: clearingTransferIdOf(channel.id, request.id),
      debitAccountId: checked.channelAccountId,
      creditAccountId: checked.billerAccountId,
      amount: request.amountMinor,
      currency: request.currency,
      reference: `bill-payment:${postingIdOf(channel.id, request.id)}`,
      detail: {
        initiatorId: channel.id,
        payerId: channel.id,
        payeeId: request.billerId,
        requestHash: request.requestHash,
        sealedParties: null,
      },
    };
  }

  private newPayment(
    channel: Participant,
    request: NewBillPayment,
    checked: CheckedPayment,
    feeMinor: bigint | null,
  ): BillPayment {
    const now = this.options.clock();
    const { callGraceMs, postingDeadlineMs } = this.postings.kind.backoff;
    return {
      channelId: channel.id,
      id: request.id,
      billerId: request.billerId,
      billRef: request.billRef ?? null,
      sealedParameters: this.sealer.seal(
        JSON.stringify(checked.parameters),
        customerParametersContext(channel.id, request.id),
      ),
      parametersHash: checked.parametersHash,
      billNumber: checked.billNumber,
      amountMinor: request.amountMinor,
      feeMinor,
      currency: request.currency,
      requestHash: request.requestHash,
      state: "accepted",
      postingId: postingIdOf(channel.id, request.id),
      receiptNumber: null,
      failureCode: null,
      failureText: null,
      failAt: now + postingDeadlineMs,
      // Past the longest call: the inquiry job leaves the first posting to its own node.
      nextInquiryAt: now + callGraceMs,
      inquiries: 0,
      createdAt: now,
      updatedAt: now,
      postedAt: null,
      reversedAt: null,
    };
  }
}

/**
 * A clearing found with other fields differs only in `linked` when its money, accounts and id
 * match (its id is derived from the channel's payment id): the payment was first cleared with a
 * fee and now without one, or the reverse, because a schedule changed between a crash and the
 * retry. That is the same clearing.
 */
function sameClearing(clearing: PostingRequest, stored: StoredTransfer): boolean {
  return (
    stored.kind === clearing.kind &&
    stored.debitAccountId === clearing.debitAccountId &&
    stored.creditAccountId === clearing.creditAccountId &&
    stored.amount === clearing.amount &&
    stored.currency === clearing.currency &&
    stored.reference === (clearing.reference ?? null)
  );
}

function replay(stored: BillPayment, request: { requestHash: string }): BillPaymentOutcome {
  return stored.requestHash === request.requestHash
    ? { ok: true, payment: stored, created: false }
    : refused({ code: "idempotency_key_reused" });
}
