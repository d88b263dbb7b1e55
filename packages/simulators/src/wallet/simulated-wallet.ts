import {
  type CodePaymentInquiryRequest,
  type CodePaymentOutcomeNotice,
  type CodePaymentRequest,
  type CodePaymentReversalRequest,
  cardNumberDigitsMax,
  cardNumberDigitsMin,
  type WalletOperationName,
  type WalletRefundInquiryRequest,
  type WalletRefundRequest,
  type WalletRefusalCode,
  walletNoticeOperations,
} from "@clearhub/wire";
import { findCurrency } from "../money/amount-codec.ts";
import type { DeskResult } from "../shared/desk-result.ts";
import type { FaultPlan } from "../shared/fault-plan.ts";
import type { NoticeSender } from "../shared/notice-sender.ts";
import { type RandomSource, randomTag } from "../shared/random-source.ts";
import { CodePaymentDesk } from "./code-payment-desk.ts";
import { type IssuedCode, PaymentCodeBook } from "./payment-code-book.ts";
import {
  balancesFrom,
  checkedWalletId,
  minorOf,
  type PrepaidCard,
  type PrepaidCardSeed,
  type WalletCustomer,
  type WalletCustomerSeed,
} from "./wallet-customer.ts";
import { WalletRefundDesk } from "./wallet-refund-desk.ts";

export interface OperationRequests {
  authorizeCodePayment: CodePaymentRequest;
  inquireCodePayment: CodePaymentInquiryRequest;
  reverseCodePayment: CodePaymentReversalRequest;
  refund: WalletRefundRequest;
  inquireRefund: WalletRefundInquiryRequest;
}

export interface SimulatedWalletContext {
  /** The digits every payment code of the issuer starts with: its range in the hub's routing table. */
  readonly codePrefix: string;
  /** The digits every prepaid card number of the issuer starts with. */
  readonly cardPrefix: string;
  readonly codeLifetimeMs: number;
  readonly random: RandomSource;
  readonly clock: () => number;
  readonly faults: FaultPlan;
  readonly notices: NoticeSender;
}

export type ConfirmResult =
  | { readonly ok: true; readonly notice: CodePaymentOutcomeNotice }
  | { readonly ok: false; readonly reason: string };

/**
 * A wallet and prepaid card issuer's system: customers with balances, their one-time payment
 * codes, prepaid cards, payments, reversals and refunds, and the notice of a payment the customer
 * confirmed or refused in the app. Its ids carry a tag of the run, so two runs never hand out the
 * same authorisation code or notice id.
 */
export class SimulatedWallet {
  readonly customers = new Map<string, WalletCustomer>();
  readonly cards = new Map<string, PrepaidCard>();
  readonly codes: PaymentCodeBook;
  readonly payments: CodePaymentDesk;
  readonly refunds: WalletRefundDesk;
  private readonly runTag: string;
  private authorizationSequence = 0;
  private noticeSequence = 0;

  constructor(private readonly context: SimulatedWalletContext) {
    if (!/^[0-9]{1,12}$/.test(context.cardPrefix)) {
      throw new Error("the card prefix is 1 to 12 digits");
    }
    this.runTag = randomTag(context.random, 4);
    this.codes = new PaymentCodeBook(context.codePrefix, context.codeLifetimeMs, context.random);
    this.payments = new CodePaymentDesk({
      codes: this.codes,
      customers: this.customers,
      cards: this.cards,
      faults: context.faults,
      clock: context.clock,
      nextAuthorizationCode: () => {
        this.authorizationSequence += 1;
        return `AUTH-${this.runTag}-${String(this.authorizationSequence).padStart(8, "0")}`;
      },
    });
    this.refunds = new WalletRefundDesk(this.payments, context.clock);
  }

  private readonly desks: {
    [Name in WalletOperationName]: (
      body: OperationRequests[Name],
    ) => DeskResult<unknown, WalletRefusalCode>;
  } = {
    authorizeCodePayment: (body) => this.payments.authorize(body),
    inquireCodePayment: (body) => ({ ok: true, answer: this.payments.inquire(body) }),
    reverseCodePayment: (body) => this.payments.reverse(body),
    refund: (body) => this.refunds.refund(body),
    inquireRefund: (body) => ({ ok: true, answer: this.refunds.inquire(body) }),
  };

  handle<Name extends WalletOperationName>(
    name: Name,
    body: OperationRequests[Name],
  ): DeskResult<unknown, WalletRefusalCode> {
    const desk = this.desks[name] as (
      body: OperationRequests[Name],
    ) => DeskResult<unknown, WalletRefusalCode>;
    return desk(body);
  }

  /** Adds a customer; throws on one the wallet cannot hold. */
  addCustomer(seed: WalletCustomerSeed): WalletCustomer {
    const customerId = checkedWalletId(seed.customerId, "customerId");
    if (this.customers.has(customerId)) throw new Error(`customer ${customerId} exists`);
    const customer: WalletCustomer = {
      kind: "customer",
      customerId,
      customerRef: customerId,
      name: seed.name,
      balances: balancesFrom(seed.balances),
      verificationLevel: seed.verificationLevel ?? "B",
      blocked: seed.blocked ?? false,
      confirmInApp: seed.confirmInApp ?? false,
      paymentMax: balancesFrom(seed.paymentMax ?? {}),
    };
    this.customers.set(customerId, customer);
    return customer;
  }

  /** Adds a prepaid card; throws on a number outside the card prefix or a card that exists. */
  addCard(seed: PrepaidCardSeed): PrepaidCard {
    const { number } = seed;
    const digits = new RegExp(`^[0-9]{${cardNumberDigitsMin},${cardNumberDigitsMax}}$`);
    if (!digits.test(number) || !number.startsWith(this.context.cardPrefix)) {
      throw new Error(
        `a card number is ${cardNumberDigitsMin} to ${cardNumberDigitsMax} digits starting with ${this.context.cardPrefix}`,
      );
    }
    if (this.cards.has(number)) throw new Error(`card ${number} exists`);
    const currency = findCurrency(seed.currency);
    if (currency === undefined) throw new Error(`${seed.currency} is not an ISO 4217 currency`);
    const card: PrepaidCard = {
      kind: "prepaid_card",
      number,
      customerRef: checkedWalletId(
        seed.customerRef ?? `card-${String(this.cards.size + 1).padStart(6, "0")}`,
        "customerRef",
      ),
      currency,
      balances: new Map([[currency.code, minorOf(seed.balance, currency.code)]]),
      verificationLevel: seed.verificationLevel ?? "D",
      blocked: seed.blocked ?? false,
    };
    this.cards.set(number, card);
    return card;
  }

  /** A new one-time payment code for the customer, as the app shows it; throws for an unknown one. */
  issueCode(customerId: string): IssuedCode {
    if (!this.customers.has(customerId)) throw new Error(`no customer ${customerId}`);
    return this.codes.issue(customerId, this.context.clock());
  }

  /**
   * Decides a payment awaiting the customer in the app and tells the hub; the notice, or why
   * there is nothing to decide.
   */
  confirmPayment(paymentId: string, approve: boolean): ConfirmResult {
    const confirmed = this.payments.confirm(paymentId, approve);
    if (!confirmed.ok) return confirmed;
    const notice: CodePaymentOutcomeNotice = {
      noticeId: this.nextNoticeId(),
      ...confirmed.outcome,
      decidedAt: new Date(this.context.clock()).toISOString(),
    };
    this.context.notices.send(walletNoticeOperations.codePaymentOutcomeNotice.path, notice);
    return { ok: true, notice };
  }

  private nextNoticeId(): string {
    this.noticeSequence += 1;
    return `OUT-${this.runTag}-${String(this.noticeSequence).padStart(8, "0")}`;
  }
}
