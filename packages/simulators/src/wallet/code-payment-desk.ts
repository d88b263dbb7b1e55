import type {
  CodePaymentAnswer,
  CodePaymentApproved,
  CodePaymentDeclined,
  CodePaymentDeclineReason,
  CodePaymentInquiryRequest,
  CodePaymentRequest,
  CodePaymentReversalRequest,
  CodePaymentReversed,
  WalletRefusalCode,
} from "@clearhub/wire";
import { type Currency, findCurrency, formatAmount, parseAmount } from "../money/amount-codec.ts";
import { type DeskResult, refusal } from "../shared/desk-result.ts";
import type { FaultPlan } from "../shared/fault-plan.ts";
import type { PaymentCodeBook } from "./payment-code-book.ts";
import type { Payer, PrepaidCard, Purse, WalletCustomer } from "./wallet-customer.ts";

/** A payment as the issuer's books keep it. */
export interface PaymentRecord {
  readonly paymentId: string;
  /** What makes a repeat the same payment; undefined for an id closed by inquiry or reversal. */
  readonly fingerprint: string | undefined;
  readonly request: CodePaymentRequest | undefined;
  readonly amountMinor: bigint;
  readonly currency: Currency | undefined;
  /** Whom the payment draws on, once the instrument resolved. */
  readonly purse: Payer | undefined;
  /** The final outcome; undefined while the customer has yet to confirm in the app. */
  outcome: CodePaymentApproved | CodePaymentDeclined | undefined;
  /** An outcome known on arrival is answered only from then (a pending answer until). */
  readonly decidedAtMs: number;
  refundedMinor: bigint;
  reversed: CodePaymentReversed | undefined;
}

/** A payment as the admin routes and the books show it. */
export interface PaymentView {
  readonly paymentId: string;
  readonly status: CodePaymentAnswer["status"];
  readonly reasonCode?: CodePaymentDeclineReason | undefined;
  /** Undefined for an id the issuer never received, closed by an inquiry or a reversal. */
  readonly request: CodePaymentRequest | undefined;
  readonly customerRef: string | undefined;
  /** What refunds gave back, in the payment's currency. */
  readonly refunded: string;
  /** What the payer is out of now: the amount less refunds while approved and not reversed. */
  readonly charged: string;
}

export interface CodePaymentDeskContext {
  readonly codes: PaymentCodeBook;
  readonly customers: ReadonlyMap<string, WalletCustomer>;
  readonly cards: ReadonlyMap<string, PrepaidCard>;
  readonly faults: FaultPlan;
  readonly clock: () => number;
  /** The next authorisation code: unique within the issuer. */
  readonly nextAuthorizationCode: () => string;
}

type Charge = { ok: true; purse: Payer } | { ok: false; decline: CodePaymentDeclined };

function fingerprintOf(request: CodePaymentRequest): string {
  const { instrument, merchant } = request;
  return JSON.stringify([
    instrument.kind,
    instrument.number,
    request.amount,
    request.currency,
    merchant.acquirerId,
    merchant.merchantId,
    merchant.name,
    merchant.categoryCode,
    merchant.city,
    merchant.countryCode,
    request.requestedAt,
  ]);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function declined(
  paymentId: string,
  reasonCode: CodePaymentDeclineReason,
  reasonText: string,
): CodePaymentDeclined {
  return { paymentId, status: "declined", reasonCode, reasonText };
}

/** The amount of a payment in minor units, or the refusal of an amount the currency cannot take. */
export function paymentAmount(
  amount: string,
  code: string,
): { ok: true; currency: Currency; minor: bigint } | { ok: false; reason: string } {
  const currency = findCurrency(code);
  if (currency === undefined) return { ok: false, reason: `${code} is not an ISO 4217 currency` };
  const parsed = parseAmount(amount, currency);
  if (!parsed.ok) return { ok: false, reason: `amount ${amount} ${code}: ${parsed.code}` };
  return { ok: true, currency, minor: parsed.minor };
}

/**
 * Code and card payments, idempotent by the hub's payment id however often and in whatever
 * order they arrive: the id's first payment decides, a repeat answers the outcome as it stands,
 * another payment under the id is refused. Approval debits at once; a payment the fault plan
 * leaves pending is debited on arrival too and revealed when the injected clock passes its
 * decision time, while a payment of a customer who confirms in the app is debited only when
 * confirmed. A reversal leaves the customer not charged, whatever stood before.
 */
export class CodePaymentDesk {
  private readonly records = new Map<string, PaymentRecord>();

  constructor(private readonly context: CodePaymentDeskContext) {}

  authorize(request: CodePaymentRequest): DeskResult<CodePaymentAnswer, WalletRefusalCode> {
    const known = this.records.get(request.paymentId);
    if (known !== undefined) {
      if (known.fingerprint !== undefined && known.fingerprint !== fingerprintOf(request)) {
        return refusal(
          "idempotency_key_reused",
          `payment ${request.paymentId} was made before with other content`,
        );
      }
      return { ok: true, answer: this.answerOf(known) };
    }
    const amount = paymentAmount(request.amount, request.currency);
    if (!amount.ok) return refusal("request_invalid", amount.reason);
    const { faults, clock } = this.context;
    const now = clock();
    const fate = faults.fate();
    const charge = this.charge(request, amount.minor, fate === "decline");
    const awaiting = charge.ok && charge.purse.kind === "customer" && charge.purse.confirmInApp;
    let outcome: PaymentRecord["outcome"];
    if (!charge.ok) outcome = charge.decline;
    else if (!awaiting) outcome = this.approved(request.paymentId, charge.purse, now);
    if (outcome?.status === "approved" && charge.ok) {
      this.debit(charge.purse, request.currency, amount.minor);
    }
    const delayMs =
      fate === "pend" && outcome?.status === "approved" ? faults.options.pendingDelayMs : 0;
    const record: PaymentRecord = {
      paymentId: request.paymentId,
      fingerprint: fingerprintOf(request),
      request,
      amountMinor: amount.minor,
      currency: amount.currency,
      purse: charge.ok ? charge.purse : undefined,
      outcome:
        outcome?.status === "approved" ? { ...outcome, approvedAt: iso(now + delayMs) } : outcome,
      decidedAtMs: now + delayMs,
      refundedMinor: 0n,
      reversed: undefined,
    };
    this.records.set(request.paymentId, record);
    return { ok: true, answer: this.answerOf(record) };
  }

  /** Where a payment stands; an id never received is closed with `payment_not_received`. */
  inquire(request: CodePaymentInquiryRequest): CodePaymentAnswer {
    const known = this.records.get(request.paymentId);
    if (known !== undefined) return this.answerOf(known);
    const closed = this.closedRecord(request.paymentId);
    closed.outcome = declined(
      request.paymentId,
      "payment_not_received",
      "the issuer never received this payment; the id is closed",
    );
    this.records.set(request.paymentId, closed);
    return this.answerOf(closed);
  }

  /**
   * Leaves the customer not charged: credits back what an approved payment still holds, cancels
   * one awaiting confirmation, closes an id never received. The same answer to every repeat.
   */
  reverse(request: CodePaymentReversalRequest): DeskResult<CodePaymentReversed, WalletRefusalCode> {
    const now = this.context.clock();
    const known = this.records.get(request.paymentId);
    if (known === undefined) {
      const closed = this.closedRecord(request.paymentId);
      closed.reversed = { paymentId: request.paymentId, status: "reversed", reversedAt: iso(now) };
      this.records.set(request.paymentId, closed);
      return { ok: true, answer: closed.reversed };
    }
    if (known.request !== undefined) {
      const amount = paymentAmount(request.amount, request.currency);
      if (
        request.currency !== known.request.currency ||
        !amount.ok ||
        amount.minor !== known.amountMinor
      ) {
        return refusal(
          "payment_mismatch",
          `payment ${request.paymentId} was ${known.request.amount} ${known.request.currency}`,
        );
      }
    }
    if (known.reversed !== undefined) return { ok: true, answer: known.reversed };
    if (known.outcome?.status === "approved" && known.purse !== undefined && known.request) {
      this.credit(known.purse, known.request.currency, known.amountMinor - known.refundedMinor);
    }
    known.reversed = { paymentId: request.paymentId, status: "reversed", reversedAt: iso(now) };
    return { ok: true, answer: known.reversed };
  }

  /**
   * Decides a payment awaiting the customer's confirmation, as the customer does in the app:
   * approved (debited, when the balance still covers it) or declined. The outcome, or why there
   * is nothing to decide.
   */
  confirm(
    paymentId: string,
    approve: boolean,
  ):
    | { ok: true; outcome: CodePaymentApproved | CodePaymentDeclined }
    | { ok: false; reason: string } {
    const record = this.records.get(paymentId);
    if (record === undefined || record.request === undefined || record.purse === undefined) {
      return { ok: false, reason: "no such payment" };
    }
    if (record.reversed !== undefined) return { ok: false, reason: "the payment was reversed" };
    if (record.outcome !== undefined) return { ok: false, reason: "the payment is decided" };
    const { request, purse } = record;
    const now = this.context.clock();
    if (!approve) {
      record.outcome = declined(paymentId, "issuer_decision", "the customer refused in the app");
    } else if ((purse.balances.get(request.currency) ?? 0n) < record.amountMinor) {
      record.outcome = declined(paymentId, "insufficient_funds", "the balance no longer covers it");
    } else {
      this.debit(purse, request.currency, record.amountMinor);
      record.outcome = this.approved(paymentId, purse, now);
    }
    return { ok: true, outcome: record.outcome };
  }

  record(paymentId: string): PaymentRecord | undefined {
    return this.records.get(paymentId);
  }

  /** Gives back part of an approved payment; the refund desk has checked it. */
  refund(record: PaymentRecord, minor: bigint): void {
    if (record.purse === undefined || record.request === undefined) return;
    record.refundedMinor += minor;
    this.credit(record.purse, record.request.currency, minor);
  }

  answerOf(record: PaymentRecord): CodePaymentAnswer {
    if (record.reversed !== undefined) return record.reversed;
    if (record.outcome === undefined || this.context.clock() < record.decidedAtMs) {
      return { paymentId: record.paymentId, status: "pending" };
    }
    return record.outcome;
  }

  payment(paymentId: string): PaymentView | undefined {
    const record = this.records.get(paymentId);
    return record === undefined ? undefined : this.view(record);
  }

  payments(): PaymentView[] {
    return [...this.records.values()].map((record) => this.view(record));
  }

  private view(record: PaymentRecord): PaymentView {
    const answer = this.answerOf(record);
    const currency = record.currency ?? { code: "XXX", minorUnits: 0 };
    const charging = record.outcome?.status === "approved" && record.reversed === undefined;
    return {
      paymentId: record.paymentId,
      status: answer.status,
      reasonCode: answer.status === "declined" ? answer.reasonCode : undefined,
      request: record.request,
      customerRef: record.purse?.customerRef,
      refunded: formatAmount(record.refundedMinor, currency),
      charged: formatAmount(charging ? record.amountMinor - record.refundedMinor : 0n, currency),
    };
  }

  private closedRecord(paymentId: string): PaymentRecord {
    return {
      paymentId,
      fingerprint: undefined,
      request: undefined,
      amountMinor: 0n,
      currency: undefined,
      purse: undefined,
      outcome: undefined,
      decidedAtMs: 0,
      refundedMinor: 0n,
      reversed: undefined,
    };
  }

  /** Resolves the instrument and checks the payment against it; whom it draws on, or a decline. */
  private charge(request: CodePaymentRequest, minor: bigint, declineAnyway: boolean): Charge {
    const { paymentId, instrument, currency } = request;
    const resolved = this.resolve(request);
    if (!resolved.ok) return resolved;
    const { purse } = resolved;
    if (purse.blocked) {
      return purse.kind === "prepaid_card"
        ? { ok: false, decline: declined(paymentId, "card_blocked", "the card is blocked") }
        : {
            ok: false,
            decline: declined(paymentId, "customer_blocked", "the customer is blocked"),
          };
    }
    if (declineAnyway) {
      return { ok: false, decline: declined(paymentId, "issuer_decision", "declined by a rule") };
    }
    const max = purse.kind === "customer" ? purse.paymentMax.get(currency) : undefined;
    if (max !== undefined && minor > max) {
      const text = `over the customer's limit of one payment`;
      return { ok: false, decline: declined(paymentId, "limit_exceeded", text) };
    }
    if ((purse.balances.get(currency) ?? 0n) < minor) {
      const text = `the ${instrument.kind === "prepaid_card" ? "card's" : "customer's"} ${currency} balance does not cover it`;
      return { ok: false, decline: declined(paymentId, "insufficient_funds", text) };
    }
    return { ok: true, purse };
  }

  private resolve(request: CodePaymentRequest): Charge {
    const { paymentId, instrument } = request;
    if (instrument.kind === "prepaid_card") {
      const card = this.context.cards.get(instrument.number);
      if (card === undefined) {
        return { ok: false, decline: declined(paymentId, "code_unknown", "no such card") };
      }
      return { ok: true, purse: card };
    }
    const taken = this.context.codes.take(instrument.number, paymentId, this.context.clock());
    if (!taken.ok) {
      return { ok: false, decline: declined(paymentId, taken.reason, `the code: ${taken.reason}`) };
    }
    const customer = this.context.customers.get(taken.customerId);
    if (customer === undefined) {
      return { ok: false, decline: declined(paymentId, "code_unknown", "no such customer") };
    }
    return { ok: true, purse: customer };
  }

  private approved(paymentId: string, purse: Purse, now: number): CodePaymentApproved {
    return {
      paymentId,
      status: "approved",
      authorizationCode: this.context.nextAuthorizationCode(),
      customerRef: purse.customerRef,
      verificationLevel: purse.verificationLevel,
      approvedAt: iso(now),
    };
  }

  private debit(purse: Purse, currency: string, minor: bigint): void {
    purse.balances.set(currency, (purse.balances.get(currency) ?? 0n) - minor);
  }

  private credit(purse: Purse, currency: string, minor: bigint): void {
    purse.balances.set(currency, (purse.balances.get(currency) ?? 0n) + minor);
  }
}
