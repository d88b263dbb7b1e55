import type { VerificationLevel } from "@clearhub/wire";
import type { FaultOptions } from "../shared/fault-plan.ts";
import type { NoticeView } from "../shared/notice-sender.ts";
import type { SimulatorStats } from "../shared/simulator-stats.ts";
import type { PaymentView } from "./code-payment-desk.ts";
import type { ConfirmResult } from "./simulated-wallet.ts";
import type { PrepaidCardSeed, WalletCustomerSeed } from "./wallet-customer.ts";
import type { RefundView } from "./wallet-refund-desk.ts";

/** A customer as the wallet's books show it. */
export interface WalletCustomerView {
  readonly customerId: string;
  readonly name: string;
  /** Decimal strings by currency. */
  readonly balances: Readonly<Record<string, string>>;
  readonly verificationLevel: VerificationLevel;
  readonly blocked: boolean;
  readonly confirmInApp: boolean;
}

/** A prepaid card as the wallet's books show it. */
export interface PrepaidCardView {
  readonly number: string;
  readonly customerRef: string;
  readonly currency: string;
  readonly balance: string;
  readonly verificationLevel: VerificationLevel;
  readonly blocked: boolean;
}

/** A one-time payment code as the customer's app shows it. */
export interface PaymentCodeView {
  readonly code: string;
  readonly customerId: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
}

/** The wallet's own books, which a benchmark reconciles the hub against. */
export interface WalletBooks {
  readonly payments: readonly PaymentView[];
  readonly refunds: readonly RefundView[];
}

/** What a test, the demo, a benchmark or an operator may read and change in a running wallet. */
export interface WalletSimulatorAdmin {
  customers(): WalletCustomerView[];
  addCustomer(seed: WalletCustomerSeed): WalletCustomerView;
  /** A new one-time payment code for the customer; throws for an unknown customer. */
  issueCode(customerId: string): PaymentCodeView;
  /** Many codes at once, as a benchmark's driver needs them; throws for an unknown customer. */
  issueCodes(customerId: string, count: number): PaymentCodeView[];
  cards(): PrepaidCardView[];
  addCard(seed: PrepaidCardSeed): PrepaidCardView;
  payment(paymentId: string): PaymentView | undefined;
  payments(): PaymentView[];
  refunds(): RefundView[];
  /** The customer approves or refuses a pending payment in the app; the notice sent to the hub. */
  confirmPayment(paymentId: string, approve: boolean): ConfirmResult;
  /** The notices sent to the hub and whether they were delivered. */
  notices(): NoticeView[];
  faults(): FaultOptions;
  setFaults(changes: Partial<FaultOptions>): FaultOptions;
  stats(): SimulatorStats;
  books(): WalletBooks;
}
