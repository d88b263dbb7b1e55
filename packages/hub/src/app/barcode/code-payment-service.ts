import {
  type BarcodePayment,
  barcodePaymentIdOf,
  clearingTransferOf,
  modeOfInstrument,
  newBarcodePayment,
  reversibleBarcodePaymentStates,
} from "../../domain/barcode/barcode-payment.ts";
import type { CodePaymentResult } from "../../domain/barcode/code-payment-outcome.ts";
import { acquirerReversalCode } from "../../domain/barcode/code-payment-outcome.ts";
import type { Merchant } from "../../domain/barcode/merchant.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { maskSensitiveNumber } from "../../domain/sensitive/sensitive-number-mask.ts";
import type { OperationRunner } from "../calls/operation-runner.ts";
import { resolveReservation } from "../calls/reserved-clearing.ts";
import type { CodePrefixTable } from "../code-prefixes/code-prefix-table.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { MerchantDirectory } from "../merchants/merchant-directory.ts";
import type { PositionAccounts } from "../participants/position-accounts.ts";
import type { BarcodePaymentKey, BarcodePaymentStore } from "../ports/barcode-payment-store.ts";
import type { FieldSealer } from "../ports/field-sealer.ts";
import type { NoticeLog } from "../ports/notice-log.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";
import type { CodePaymentOutcome as WalletAnswer } from "../ports/wallet-connector.ts";
import { type CodePaymentKind, resultOfAnswer } from "./code-payment-kind.ts";
import { type CodePaymentOutcome, type NewCodePayment, refused } from "./code-payment-request.ts";

export type CodePaymentRunner = OperationRunner<
  BarcodePayment,
  BarcodePaymentKey,
  WalletAnswer,
  CodePaymentResult
>;

export interface CodePaymentDeps {
  readonly store: BarcodePaymentStore;
  readonly runner: CodePaymentRunner;
  readonly kind: CodePaymentKind;
  readonly merchants: Pick<MerchantDirectory, "payable">;
  readonly prefixes: Pick<CodePrefixTable, "routeCode">;
  readonly participants: Pick<ParticipantStore, "findParticipant">;
  readonly positions: PositionAccounts;
  readonly ledger: GroupCommit;
  readonly sealer: FieldSealer;
  readonly notices: NoticeLog;
  readonly clock: () => number;
}

export type CodePaymentNoticeOutcome = "applied" | "repeated" | "payment_unknown";

/** How often a reversal re-reads a payment another path changed under it before giving up. */
const reversalAttemptsMax = 3;

/**
 * Consumer-presented barcode payments as acquirers make them. A payment is checked whole before
 * anything is written (the acquirer, its merchant, the route of the number's prefix to an
 * issuer, the currency), recorded `authorising`, then run: reserved issuer → acquirer, sent to
 * the issuer's wallet interface, and settled by its answer (see CodePaymentKind). The acquirer
 * is answered with the payment as its call left it: settled, or `unknown`/`pending` for the
 * status inquiry, a notice or the acquirer's reversal to settle.
 */
export class CodePaymentService {
  constructor(private readonly deps: CodePaymentDeps) {}

  async pay(acquirer: Participant, request: NewCodePayment): Promise<CodePaymentOutcome> {
    const existing = await this.deps.store.find(acquirer.id, request.id);
    if (existing !== undefined) return replay(existing, request);
    if (acquirer.status !== "active") return refused({ code: "participant_inactive" });
    const merchant = await this.deps.merchants.payable(acquirer.id, request.merchantId);
    if (!merchant.ok) {
      return merchant.code === "merchant_closed"
        ? refused({ code: "merchant_closed" })
        : refused({ code: "merchant_not_found" });
    }
    const issuerId = await this.issuerOf(request);
    if (typeof issuerId !== "string") return issuerId;
    const [issuerAccount, acquirerAccount] = await Promise.all([
      this.deps.positions.idOf(issuerId, request.currency),
      this.deps.positions.idOf(acquirer.id, request.currency),
    ]);
    if (issuerAccount === undefined || acquirerAccount === undefined) {
      return refused({ code: "payment_currency_unsupported" });
    }
    const payment = this.newPayment(acquirer, request, issuerId);
    const inserted = await this.deps.store.insert(payment, []);
    if (!inserted.created) return replay(inserted.payment, request);
    const ran = await this.deps.runner.run(
      payment,
      this.authorisation(payment, request, merchant.value),
    );
    return { ok: true, payment: ran, created: true };
  }

  /**
   * The acquirer gives up a payment whose outcome it never learnt (its terminal timed out):
   * the payment is marked `reversing` first, its reservation voided, and the reversal sent to
   * the issuer at once and again until it confirms. Asked again, it answers the payment as it
   * stands. A payment already settled cannot be reversed: a succeeded one is refunded instead.
   */
  async reverse(acquirer: Participant, id: string): Promise<CodePaymentOutcome> {
    for (let attempt = 1; attempt <= reversalAttemptsMax; attempt++) {
      const payment = await this.deps.store.find(acquirer.id, id);
      if (payment === undefined || !isConsumerPresented(payment)) {
        return refused({ code: "barcode_payment_not_found" });
      }
      if (payment.state === "reversing" || payment.state === "reversed") {
        return { ok: true, payment, created: false };
      }
      if (!(reversibleBarcodePaymentStates as readonly string[]).includes(payment.state)) {
        return refused({ code: "barcode_payment_final" });
      }
      const now = this.deps.clock();
      const reversing: BarcodePayment = {
        ...payment,
        state: "reversing",
        failureCode: acquirerReversalCode,
        failureText: "the acquirer gave the payment up",
        nextInquiryAt: now,
        updatedAt: now,
      };
      const written = await this.deps.store.update(reversing, payment.state);
      if (!written.ok) continue;
      await resolveReservation(this.deps.ledger, "void", clearingTransferOf(payment), false);
      return { ok: true, payment: await this.deps.runner.takeUp(reversing), created: false };
    }
    return refused({ code: "barcode_payment_final" });
  }

  /**
   * An issuer's notice of a pending payment's final outcome, applied as an inquiry's answer
   * would be: the same settle, so a notice and an inquiry racing each other settle it once.
   */
  async applyNotice(
    issuer: Participant,
    noticeId: string,
    answer: WalletAnswer,
  ): Promise<CodePaymentNoticeOutcome> {
    if (await this.deps.notices.seen(issuer.id, noticeId)) return "repeated";
    const payment = await this.deps.store.findByPaymentId(answer.paymentId);
    const own =
      payment !== undefined && payment.issuerId === issuer.id && isConsumerPresented(payment);
    if (own) await this.deps.runner.settle(payment, resultOfAnswer(answer));
    await this.deps.notices.record(
      issuer.id,
      noticeId,
      "code_payment_outcome",
      this.deps.clock(),
      answer.paymentId,
    );
    return own ? "applied" : "payment_unknown";
  }

  private async issuerOf(
    request: NewCodePayment,
  ): Promise<string | Extract<CodePaymentOutcome, { ok: false }>> {
    const route = await this.deps.prefixes.routeCode(request.instrument.number);
    if (!route.ok || route.value.instrument !== request.instrument.kind) {
      return { ok: false, code: "code_prefix_unknown" };
    }
    const issuer = await this.deps.participants.findParticipant(route.value.issuerId);
    if (issuer === undefined || issuer.status !== "active") {
      return { ok: false, code: "issuer_inactive" };
    }
    return issuer.id;
  }

  private authorisation(payment: BarcodePayment, request: NewCodePayment, merchant: Merchant) {
    const currency = findCurrency(payment.currency);
    if (currency === undefined) throw new Error(`${payment.paymentId} has an unknown currency`);
    const call = {
      paymentId: payment.paymentId,
      instrument: request.instrument,
      amountMinor: payment.amountMinor,
      currency,
      merchant: {
        acquirerId: merchant.acquirerId,
        merchantId: merchant.merchantId,
        name: merchant.name,
        categoryCode: merchant.merchantCategoryCode,
        city: merchant.city,
        countryCode: merchant.countryCode,
      },
      requestedAtMs: payment.createdAt,
    };
    return this.deps.kind.authorisationCall(call);
  }

  private newPayment(
    acquirer: Participant,
    request: NewCodePayment,
    issuerId: string,
  ): BarcodePayment {
    const now = this.deps.clock();
    const paymentId = barcodePaymentIdOf(acquirer.id, request.id);
    const { number } = request.instrument;
    return newBarcodePayment(
      {
        initiatorId: acquirer.id,
        id: request.id,
        instrument: request.instrument.kind,
        issuerId,
        acquirerId: acquirer.id,
        merchantId: request.merchantId,
        amountMinor: request.amountMinor,
        currency: request.currency,
        sealedNumber: this.deps.sealer.seal(number, `barcode-payment:${paymentId}`),
        maskedNumber: maskSensitiveNumber("card_number", number),
        requestHash: request.requestHash,
        state: "authorising",
        // Past the longest call: the inquiry job leaves the first call to its own node.
        nextInquiryAt: now + this.deps.kind.backoff.callGraceMs,
      },
      now,
    );
  }
}

function isConsumerPresented(payment: BarcodePayment): boolean {
  return modeOfInstrument(payment.instrument) === "consumer_presented";
}

function replay(stored: BarcodePayment, request: { requestHash: string }): CodePaymentOutcome {
  return stored.requestHash === request.requestHash
    ? { ok: true, payment: stored, created: false }
    : refused({ code: "idempotency_key_reused" });
}
