import { formatAmount } from "../money/amount-codec.ts";
import type { Sleeper } from "../shared/signed-interface-routes.ts";
import {
  checkedCommonOptions,
  type ListeningSimulator,
  listenSimulator,
  type SimulatorCommonOptions,
  simulatorParts,
} from "../shared/simulator-start.ts";
import { codeLifetimeMsDefault, type IssuedCode } from "./payment-code-book.ts";
import { SimulatedWallet } from "./simulated-wallet.ts";
import { walletAdminRoutes } from "./wallet-admin-routes.ts";
import {
  balanceTexts,
  type PrepaidCard,
  type PrepaidCardSeed,
  type WalletCustomer,
  type WalletCustomerSeed,
} from "./wallet-customer.ts";
import { walletInterfaceRoutes } from "./wallet-interface-routes.ts";
import type {
  PaymentCodeView,
  PrepaidCardView,
  WalletCustomerView,
  WalletSimulatorAdmin,
} from "./wallet-simulator-admin.ts";

export interface WalletSimulatorOptions extends SimulatorCommonOptions {
  /** The issuer's participant id at the hub; names its generated key. */
  readonly walletId?: string | undefined;
  /** The digits its payment codes start with (its range in the hub's routing table); 2799 by default. */
  readonly codePrefix?: string | undefined;
  /** The digits its prepaid card numbers start with; 9799 by default. */
  readonly cardPrefix?: string | undefined;
  /** How long a payment code pays, on the injected clock; 60 s by default. */
  readonly codeLifetimeMs?: number | undefined;
  readonly customers?: readonly WalletCustomerSeed[] | undefined;
  readonly cards?: readonly PrepaidCardSeed[] | undefined;
  /** How the issuer takes its time (latency, late answers); real timers by default. */
  readonly sleeper?: Sleeper | undefined;
}

export interface WalletSimulator extends WalletSimulatorAdmin, ListeningSimulator {
  readonly walletId: string;
  readonly codePrefix: string;
  readonly cardPrefix: string;
  /** The endpoint URL the hub operator registers for the issuer. */
  readonly url: string;
}

function customerView(customer: WalletCustomer): WalletCustomerView {
  return {
    customerId: customer.customerId,
    name: customer.name,
    balances: balanceTexts(customer.balances),
    verificationLevel: customer.verificationLevel,
    blocked: customer.blocked,
    confirmInApp: customer.confirmInApp,
  };
}

function codeView(issued: IssuedCode): PaymentCodeView {
  return {
    code: issued.code,
    customerId: issued.customerId,
    issuedAt: new Date(issued.issuedAtMs).toISOString(),
    expiresAt: new Date(issued.expiresAtMs).toISOString(),
  };
}

function cardView(card: PrepaidCard): PrepaidCardView {
  return {
    number: card.number,
    customerRef: card.customerRef,
    currency: card.currency.code,
    balance: formatAmount(card.balances.get(card.currency.code) ?? 0n, card.currency),
    verificationLevel: card.verificationLevel,
    blocked: card.blocked,
  };
}

/**
 * Starts a wallet and prepaid card issuer that implements the hub's wallet interface over real
 * HTTP: customers with balances and verification levels, one-time payment codes, prepaid cards,
 * idempotent payments, reversals and refunds, payments the customer confirms in the app with the
 * notice to the hub, its own books, and the faults the options ask for. Resolves once it listens.
 */
export async function startWalletSimulator(
  options: WalletSimulatorOptions = {},
): Promise<WalletSimulator> {
  const walletId = options.walletId ?? "wallet-sim";
  const codePrefix = options.codePrefix ?? "2799";
  const cardPrefix = options.cardPrefix ?? "9799";
  const checked = checkedCommonOptions(options);
  const parts = simulatorParts(options, checked, `${walletId}.simulator`);
  const { faults, notices, stats } = parts;
  const wallet = new SimulatedWallet({
    codePrefix,
    cardPrefix,
    codeLifetimeMs: options.codeLifetimeMs ?? codeLifetimeMsDefault,
    random: parts.random,
    clock: parts.clock,
    faults,
    notices,
  });
  for (const seed of options.customers ?? []) wallet.addCustomer(seed);
  for (const seed of options.cards ?? []) wallet.addCard(seed);

  const issueCode = (customerId: string) => codeView(wallet.issueCode(customerId));
  const admin: WalletSimulatorAdmin = {
    customers: () => [...wallet.customers.values()].map(customerView),
    addCustomer: (seed) => customerView(wallet.addCustomer(seed)),
    issueCode,
    issueCodes: (customerId, count) => Array.from({ length: count }, () => issueCode(customerId)),
    cards: () => [...wallet.cards.values()].map(cardView),
    addCard: (seed) => cardView(wallet.addCard(seed)),
    payment: (paymentId) => wallet.payments.payment(paymentId),
    payments: () => wallet.payments.payments(),
    refunds: () => wallet.refunds.refunds(),
    confirmPayment: (paymentId, approve) => wallet.confirmPayment(paymentId, approve),
    notices: () => notices.notices(),
    faults: () => faults.options,
    setFaults: (changes) => {
      faults.update(changes);
      return faults.options;
    },
    stats: () => ({ ...stats }),
    books: () => ({ payments: wallet.payments.payments(), refunds: wallet.refunds.refunds() }),
  };

  const listening = await listenSimulator(parts, options, async (app) => {
    await app.register(
      walletInterfaceRoutes({
        wallet,
        auth: parts.auth,
        signer: parts.signer,
        faults,
        stats,
        closing: parts.closing.signal,
        sleeper: options.sleeper,
      }),
    );
    await app.register(walletAdminRoutes(admin));
  });
  return { ...admin, ...listening, walletId, codePrefix, cardPrefix, url: listening.origin };
}
