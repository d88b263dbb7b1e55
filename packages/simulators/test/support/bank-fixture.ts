import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, expect } from "vitest";
import {
  type AccountSeed,
  type BankSimulator,
  type BankSimulatorOptions,
  startBankSimulator,
} from "../../src/index.ts";
import { type FakeHub, startFakeHub } from "./fake-hub.ts";
import { type ClientAnswer, type ClientCall, signedClient } from "./signed-client.ts";

export const pi = "wallet-alpha";

export const alice: AccountSeed = {
  accountNumber: "6222020000000001",
  holderName: "Li Wei",
  idNumber: "11010119900307001X",
  mobile: "+8613800000001",
  currency: "CNY",
  balance: "1000.00",
};

export const bob: AccountSeed = {
  accountNumber: "6222020000000002",
  holderName: "Wang Fang",
  idNumber: "310101198501010022",
  mobile: "+8613800000002",
  currency: "CNY",
  balance: "50.00",
};

export const frozen: AccountSeed = {
  accountNumber: "6222020000000003",
  holderName: "Zhang Min",
  idNumber: "440101197001010033",
  mobile: "+8613800000003",
  currency: "CNY",
  balance: "10.00",
  status: "frozen",
};

export interface BankFixture {
  readonly hub: FakeHub;
  readonly bank: BankSimulator;
  /** POSTs to the bank's operation path, signed as the hub. */
  call(path: string, body: unknown, options?: ClientCall): Promise<ClientAnswer>;
  /** POSTs to an absolute URL, signed as the hub. */
  callUrl(url: string, body: unknown, options?: ClientCall): Promise<ClientAnswer>;
  /** Signs an agreement for `account` through the password flow; its number. */
  signAgreement(account?: AccountSeed): Promise<string>;
  debit(agreementNumber: string, amount: string, transactionId?: string): Promise<ClientAnswer>;
}

/** Each test gets a fake hub and a simulator trusting it, with three accounts. */
export function useBank(options: BankSimulatorOptions = {}): BankFixture {
  let hub: FakeHub | undefined;
  let bank: BankSimulator | undefined;
  let client: ReturnType<typeof signedClient> | undefined;
  beforeEach(async () => {
    hub = await startFakeHub();
    bank = await startBankSimulator({
      bankId: "bank-beta",
      hubUrl: hub.url,
      accounts: [alice, bob, frozen],
      seed: 7,
      noticeRetry: { firstDelayMs: 20 },
      ...options,
    });
    hub.trustBank(bank.keyId, bank.publicKey);
    client = signedClient(hub, bank);
  });
  afterEach(async () => {
    await client?.close();
    await bank?.close();
    await hub?.close();
  });
  const open = () => {
    if (hub === undefined || bank === undefined || client === undefined) {
      throw new Error("the fixture is open only during a test");
    }
    return { hub, bank, client };
  };
  const fixture: BankFixture = {
    get hub() {
      return open().hub;
    },
    get bank() {
      return open().bank;
    },
    call: (path, body, call) => open().client.post(`${open().bank.url}${path}`, body, call),
    callUrl: (url, body, call) => open().client.post(url, body, call),
    async signAgreement(account = alice) {
      const requested = await fixture.call("/agreements/sign-requests", {
        requestId: randomUUID(),
        paymentInstitutionId: pi,
        customer: {
          name: account.holderName,
          accountNumber: account.accountNumber,
          idNumber: account.idNumber,
          mobile: account.mobile,
        },
      });
      expect(requested.status, JSON.stringify(requested.body)).toBe(200);
      const confirmed = await fixture.call("/agreements/sign-confirmations", {
        signRequestId: requested.body.signRequestId,
        paymentInstitutionId: pi,
        otp: open().bank.latestOtp(account.mobile),
      });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      return confirmed.body.agreementNumber as string;
    },
    debit: (agreementNumber, amount, transactionId = randomUUID()) =>
      fixture.call("/debits", {
        transactionId,
        paymentInstitutionId: pi,
        agreementNumber,
        amount,
        currency: "CNY",
      }),
  };
  return fixture;
}

/** Polls `read` until it satisfies `done`, for what the simulator does in the background. */
export async function eventually<T>(
  read: () => T,
  done: (value: T) => boolean,
  timeoutMs = 3_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
