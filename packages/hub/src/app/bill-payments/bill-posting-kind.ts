import {
  type BillPayment,
  clearBackTransferIdOf,
  isBillPaymentSettled,
} from "../../domain/bill-payments/bill-payment.ts";
import { billPaymentEvent } from "../../domain/bill-payments/bill-payment-event.ts";
import {
  applyPostingOutcome,
  type PostingOutcome,
} from "../../domain/bill-payments/posting-outcome.ts";
import type { CallableEndpoint } from "../../domain/calls/callable-endpoint.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { ParticipantCall } from "../calls/guarded-call.ts";
import type {
  CallAdmission,
  EndpointChoice,
  OperationKind,
  OperationRefusal,
} from "../calls/operation-runner.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { BillPaymentKey, BillPaymentStore } from "../ports/bill-payment-store.ts";
import type {
  BillerConnector,
  BillerEndpointAddress,
  CustomerParameterValue,
  PostingOutcome as PostingAnswer,
} from "../ports/biller-connector.ts";
import { type FieldSealer, sealedFieldContext } from "../ports/field-sealer.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export interface BillPostingTimings {
  /**
   * When a payment whose first posting is under way is first taken up: past the longest
   * endpoint timeout, so a take-up does not race a live call (and a node that died mid-call
   * leaves its posting to any other node after this).
   */
  readonly callGraceMs: number;
  readonly firstInquiryDelayMs: number;
  readonly inquiryDelayCapMs: number;
  /** How long a posting may stay unsettled before it is `posting_failed` (days). */
  readonly postingDeadlineMs: number;
}

export const billPostingTimingsDefaults: BillPostingTimings = {
  callGraceMs: 130_000,
  firstInquiryDelayMs: 1_000,
  inquiryDelayCapMs: 5 * 60 * 1000,
  postingDeadlineMs: 3 * 24 * 60 * 60 * 1000,
};

export interface BillPostingDependencies {
  readonly store: BillPaymentStore;
  readonly connector: BillerConnector;
  /** The biller's endpoint postings go to. */
  readonly endpointFor: (billerId: string) => Promise<EndpointChoice>;
  /** The biller's declared posting capacity, asked before each call. */
  readonly admit: (payment: BillPayment, endpoint: CallableEndpoint) => Promise<CallAdmission>;
  readonly ledger: GroupCommit;
  readonly participants: ParticipantStore;
  readonly sealer: FieldSealer;
  readonly timings: BillPostingTimings;
}

/** Where a bill payment's sealed customer parameters live: bound to its row. */
export function customerParametersContext(channelId: string, id: string): string {
  return sealedFieldContext("bill_payments", "customer_parameters", `${channelId}:${id}`);
}

/** Refusals that say the biller read nothing and recorded nothing: the posting is sent again. */
function resend(): PostingOutcome {
  return { kind: "pending", resend: true };
}

/**
 * Bill postings as a kind of the operation runner (calls/operation-runner.ts):
 * - nothing to clear: the money cleared as a posted transfer when the payment was accepted;
 * - a posting not yet delivered (`accepted`) is taken up by posting it again under its id, which
 *   the biller keeps as its idempotency key, so it credits once however often it arrives; a
 *   posting whose outcome is unknown or pending (`posting`) by the status inquiry;
 * - nothing reached the biller, or the admission gate shed the call: taken up again later with
 *   backoff, never failed for it;
 * - a rejection clears the money back (biller → channel) under an id derived from the
 *   payment's, so it happens once; success moves no money;
 * - past the deadline of days the take-up gives the posting up (`posting_failed`).
 */
export class BillPostingKind
  implements OperationKind<BillPayment, BillPaymentKey, PostingAnswer, PostingOutcome>
{
  readonly name = "bill posting";
  readonly store: BillPaymentStore;
  readonly backoff: BillPostingTimings;

  constructor(
    private readonly deps: BillPostingDependencies,
    private readonly clock: () => number,
  ) {
    this.store = deps.store;
    this.backoff = deps.timings;
  }

  keyOf(payment: BillPayment): BillPaymentKey {
    return [payment.channelId, payment.id];
  }

  isSettled(payment: BillPayment): boolean {
    return isBillPaymentSettled(payment.state);
  }

  transactionIdOf(payment: BillPayment): string {
    return payment.postingId;
  }

  callNameOf(): string {
    return "posting";
  }

  async clear(): Promise<PostingOutcome | undefined> {
    return undefined;
  }

  endpointFor(payment: BillPayment): Promise<EndpointChoice> {
    return this.deps.endpointFor(payment.billerId);
  }

  admit(payment: BillPayment, endpoint: CallableEndpoint): Promise<CallAdmission> {
    return this.deps.admit(payment, endpoint);
  }

  whenNotSent(): "retry" {
    return "retry";
  }

  outcomeOfAnswer(answer: PostingAnswer): PostingOutcome {
    switch (answer.status) {
      case "accepted":
        return {
          kind: "succeeded",
          receiptNumber: answer.receiptNumber,
          postedAt: answer.postedAtMs,
        };
      case "rejected":
        return {
          kind: "failed",
          cause: "rejected",
          code: answer.reasonCode,
          text: answer.reasonText,
        };
      case "pending":
        return { kind: "pending", resend: false };
    }
  }

  /**
   * Every refusal of the biller interface says the biller recorded nothing for the request, so
   * none is final: the posting is sent again later, until its deadline.
   */
  outcomeOfRefusal(): PostingOutcome {
    return resend();
  }

  unwell(refusal: OperationRefusal): boolean {
    return refusal.code === "biller_busy";
  }

  takeUp(payment: BillPayment) {
    if (payment.state === "accepted") return { by: "call" as const, call: this.postCall(payment) };
    return { by: "inquiry" as const, call: this.inquiryCall(payment) };
  }

  /** Whether the payment's deadline passed: the take-up gives it up instead of calling. */
  overdue(payment: BillPayment): boolean {
    return !this.isSettled(payment) && this.clock() >= payment.failAt;
  }

  postCall(payment: BillPayment): ParticipantCall<PostingAnswer, OperationRefusal> {
    return (address, options) =>
      this.deps.connector.post(
        billerAddress(address),
        {
          postingId: payment.postingId,
          channelId: payment.channelId,
          customerParameters: this.parametersOf(payment),
          billNumber: payment.billNumber ?? undefined,
          amountMinor: payment.amountMinor,
          currency: currencyOf(payment),
          paidAtMs: payment.createdAt,
        },
        options,
      );
  }

  inquiryCall(payment: BillPayment): ParticipantCall<PostingAnswer, OperationRefusal> {
    return (address, options) =>
      this.deps.connector.inquirePosting(billerAddress(address), payment.postingId, options);
  }

  /** A rejection clears the money back once; success and giving up move nothing. */
  async resolve(payment: BillPayment, outcome: PostingOutcome): Promise<void> {
    if (outcome.kind === "failed" && outcome.cause === "rejected") await this.clearBack(payment);
  }

  /**
   * Biller position → channel position, under the id derived from the payment's: a rejection
   * and a reversal share it, so the money comes back once whichever is applied, however often.
   */
  async clearBack(payment: BillPayment): Promise<void> {
    const [biller, channel] = await Promise.all([
      this.deps.participants.findAccount(payment.billerId, payment.currency, "position"),
      this.deps.participants.findAccount(payment.channelId, payment.currency, "position"),
    ]);
    if (biller === undefined || channel === undefined) {
      throw new Error(`positions of bill payment ${payment.id} vanished`);
    }
    const code = await this.deps.ledger.submitOne({
      kind: "posted",
      id: clearBackTransferIdOf(payment.channelId, payment.id),
      debitAccountId: biller.id,
      creditAccountId: channel.id,
      amount: payment.amountMinor,
      currency: payment.currency,
      reference: `bill-payment-back:${payment.postingId}`,
    });
    if (code !== "ok" && code !== "exists") {
      throw new Error(`clearing back bill payment ${payment.id} answered ${code}; retried later`);
    }
  }

  apply(payment: BillPayment, outcome: PostingOutcome, at: number, nextTakeUpAt: number) {
    return applyPostingOutcome(payment, outcome, at, nextTakeUpAt);
  }

  events(settled: BillPayment) {
    return [billPaymentEvent(settled)];
  }

  private parametersOf(payment: BillPayment): CustomerParameterValue[] {
    const opened = this.deps.sealer.open(
      payment.sealedParameters,
      customerParametersContext(payment.channelId, payment.id),
    );
    // A row that does not open is a broken key ring: throwing leaves it for the next take-up.
    if (!opened.ok) throw new Error(`bill payment ${payment.id} parameters: ${opened.code}`);
    return JSON.parse(opened.plaintext) as CustomerParameterValue[];
  }
}

function billerAddress(address: {
  ownerId: string;
  endpointId: string;
  url: string;
}): BillerEndpointAddress {
  return { billerId: address.ownerId, endpointId: address.endpointId, url: address.url };
}

function currencyOf(payment: BillPayment) {
  const currency = findCurrency(payment.currency);
  if (currency === undefined) throw new Error(`bill payment ${payment.id} has unknown currency`);
  return currency;
}
