import { randomUUID } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import {
  type PrepaidCardSeed,
  startWalletSimulator,
  type WalletCustomerSeed,
  type WalletSimulator,
  type WalletSimulatorOptions,
} from "../../src/index.ts";
import { manualClock, recordingSleeper } from "./biller-fixture.ts";
import { type FakeHub, startFakeHub } from "./fake-hub.ts";
import { type ClientAnswer, type ClientCall, signedClient } from "./signed-client.ts";

export const liWei: WalletCustomerSeed = {
  customerId: "cust-li-wei",
  name: "Li Wei",
  balances: { CNY: "1000.00", JPY: "5000" },
  verificationLevel: "B",
  paymentMax: { CNY: "800.00" },
};

export const wangFang: WalletCustomerSeed = {
  customerId: "cust-wang-fang",
  name: "Wang Fang",
  balances: { CNY: "300.00" },
  verificationLevel: "C",
  confirmInApp: true,
};

export const blockedCustomer: WalletCustomerSeed = {
  customerId: "cust-blocked",
  name: "Zhang Min",
  balances: { CNY: "300.00" },
  blocked: true,
};

export const giftCard: PrepaidCardSeed = {
  number: "9701000000000001",
  currency: "CNY",
  balance: "200.00",
};

export const blockedCard: PrepaidCardSeed = {
  number: "9701000000000019",
  currency: "CNY",
  balance: "200.00",
  blocked: true,
};

export const merchant = {
  acquirerId: "bank-east",
  merchantId: "M-0001",
  name: "Corner Noodles",
  categoryCode: "5812",
  city: "Shanghai",
  countryCode: "CN",
};

export interface PaymentFields {
  paymentId: string;
  kind: "payment_code" | "prepaid_card";
  number: string;
  amount: string;
  currency: string;
}

export interface WalletFixture {
  readonly hub: FakeHub;
  readonly wallet: WalletSimulator;
  readonly clock: { now: number };
  readonly delaysMs: number[];
  /** POSTs to the issuer's operation path, signed as the hub; the answer's signature checked. */
  call(path: string, body: unknown, options?: ClientCall): Promise<ClientAnswer>;
  /** A fresh one-time code of the customer, as the app shows it. */
  code(customerId?: string): string;
  pay(fields: Partial<PaymentFields>): Promise<ClientAnswer>;
  inquire(paymentId: string): Promise<ClientAnswer>;
  reverse(paymentId: string, amount?: string, currency?: string): Promise<ClientAnswer>;
  refund(fields: {
    refundId?: string;
    paymentId: string;
    amount: string;
    currency?: string;
  }): Promise<ClientAnswer>;
  /** A customer's balance in a currency, as the books show it. */
  balance(customerId: string, currency?: string): string | undefined;
}

/**
 * Each test gets a fake hub and an issuer trusting it, on a clock that moves only when the test
 * moves it and a sleeper that never sleeps, with three customers and two prepaid cards.
 */
export function useWallet(options: WalletSimulatorOptions = {}): WalletFixture {
  let hub: FakeHub | undefined;
  let wallet: WalletSimulator | undefined;
  let client: ReturnType<typeof signedClient> | undefined;
  const clock = manualClock();
  const { delaysMs, sleeper } = recordingSleeper();
  beforeEach(async () => {
    clock.now = manualClock().now;
    delaysMs.length = 0;
    hub = await startFakeHub();
    wallet = await startWalletSimulator({
      walletId: "wallet-test",
      codePrefix: "2701",
      cardPrefix: "9701",
      hubUrl: hub.url,
      customers: [liWei, wangFang, blockedCustomer],
      cards: [giftCard, blockedCard],
      seed: 17,
      clock: clock.read,
      sleeper,
      noticeRetry: { firstDelayMs: 20 },
      ...options,
    });
    hub.trustBank(wallet.keyId, wallet.publicKey);
    client = signedClient(hub, wallet);
  });
  afterEach(async () => {
    await client?.close();
    await wallet?.close();
    await hub?.close();
  });
  const open = () => {
    if (hub === undefined || wallet === undefined || client === undefined) {
      throw new Error("the fixture is open only during a test");
    }
    return { hub, wallet, client };
  };
  const fixture: WalletFixture = {
    get hub() {
      return open().hub;
    },
    get wallet() {
      return open().wallet;
    },
    clock,
    delaysMs,
    call: (path, body, call) => open().client.post(`${open().wallet.url}${path}`, body, call),
    code: (customerId = liWei.customerId) => open().wallet.issueCode(customerId).code,
    pay: (fields) =>
      fixture.call("/code-payments", {
        paymentId: fields.paymentId ?? randomUUID(),
        instrument: {
          kind: fields.kind ?? "payment_code",
          number: fields.number ?? fixture.code(),
        },
        amount: fields.amount ?? "25.50",
        currency: fields.currency ?? "CNY",
        merchant,
        requestedAt: "2026-12-07T09:30:00.000Z",
      }),
    inquire: (paymentId) => fixture.call("/code-payment-inquiries", { paymentId }),
    reverse: (paymentId, amount = "25.50", currency = "CNY") =>
      fixture.call("/code-payment-reversals", { paymentId, amount, currency }),
    refund: (fields) =>
      fixture.call("/refunds", {
        refundId: fields.refundId ?? randomUUID(),
        paymentId: fields.paymentId,
        amount: fields.amount,
        currency: fields.currency ?? "CNY",
      }),
    balance: (customerId, currency = "CNY") =>
      open()
        .wallet.customers()
        .find((customer) => customer.customerId === customerId)?.balances[currency],
  };
  return fixture;
}
