import { randomUUID } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import {
  type BillerSimulator,
  type BillerSimulatorOptions,
  type CustomerSeed,
  startBillerSimulator,
} from "../../src/index.ts";
import { type FakeHub, startFakeHub } from "./fake-hub.ts";
import { type ClientAnswer, type ClientCall, signedClient } from "./signed-client.ts";

export const channel = "wallet-alpha";

export const liWei: CustomerSeed = {
  parameters: { accountNumber: "W1001" },
  name: "Li Wei",
  currency: "CNY",
  bills: [
    {
      billNumber: "W-2026-10-1001",
      amountDue: "45.10",
      dueDate: "2026-11-20",
      period: { from: "2026-10-01", to: "2026-10-31" },
    },
    { billNumber: "W-2026-11-1001", amountDue: "86.40", dueDate: "2026-12-20" },
  ],
};

export const wangFang: CustomerSeed = {
  parameters: { accountNumber: "W1002" },
  name: "Wang Fang",
  currency: "CNY",
  bills: [
    {
      billNumber: "W-2026-11-1002",
      amountDue: "128.00",
      amountMin: "50.00",
      amountMax: "500.00",
      dueDate: "2026-12-20",
    },
  ],
};

export const closedAccount: CustomerSeed = {
  parameters: { accountNumber: "W1003" },
  name: "Zhang Min",
  currency: "CNY",
  status: "inactive",
};

/**
 * A clock that stands still until a test moves it, starting at the beginning of the current
 * second: near real time, because the hub's signatures are checked against it, and on a second's
 * boundary, so the per-second counts of a test are exact.
 */
export interface ManualClock {
  now: number;
  readonly read: () => number;
}

export function manualClock(start = Math.floor(Date.now() / 1000) * 1000): ManualClock {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

/** A sleeper that records each delay asked for and returns at once: no test waits. */
export function recordingSleeper() {
  const delaysMs: number[] = [];
  return {
    delaysMs,
    sleeper: async (ms: number) => {
      delaysMs.push(ms);
    },
  };
}

export interface BillerFixture {
  readonly hub: FakeHub;
  readonly biller: BillerSimulator;
  readonly clock: ManualClock;
  /** Every delay the biller took, in the order asked. */
  readonly delaysMs: number[];
  /** POSTs to the biller's operation path, signed as the hub; the answer's signature checked. */
  call(path: string, body: unknown, options?: ClientCall): Promise<ClientAnswer>;
  inquire(accountNumber: string): Promise<ClientAnswer>;
  post(fields: Partial<PostingFields> & { billNumber?: string }): Promise<ClientAnswer>;
}

export interface PostingFields {
  postingId: string;
  accountNumber: string;
  amount: string;
  currency: string;
}

/**
 * Each test gets a fake hub and a biller trusting it, on a clock that moves only when the
 * test moves it and a sleeper that never sleeps, with three customers.
 */
export function useBiller(options: BillerSimulatorOptions = {}): BillerFixture {
  let hub: FakeHub | undefined;
  let biller: BillerSimulator | undefined;
  let client: ReturnType<typeof signedClient> | undefined;
  const clock = manualClock();
  const { delaysMs, sleeper } = recordingSleeper();
  beforeEach(async () => {
    clock.now = manualClock().now;
    delaysMs.length = 0;
    hub = await startFakeHub();
    biller = await startBillerSimulator({
      billerId: "water-test",
      hubUrl: hub.url,
      customers: [liWei, wangFang, closedAccount],
      seed: 11,
      clock: clock.read,
      sleeper,
      noticeRetry: { firstDelayMs: 20 },
      ...options,
    });
    hub.trustBank(biller.keyId, biller.publicKey);
    client = signedClient(hub, biller);
  });
  afterEach(async () => {
    await client?.close();
    await biller?.close();
    await hub?.close();
  });
  const open = () => {
    if (hub === undefined || biller === undefined || client === undefined) {
      throw new Error("the fixture is open only during a test");
    }
    return { hub, biller, client };
  };
  const fixture: BillerFixture = {
    get hub() {
      return open().hub;
    },
    get biller() {
      return open().biller;
    },
    clock,
    delaysMs,
    call: (path, body, call) => open().client.post(`${open().biller.url}${path}`, body, call),
    inquire: (accountNumber) =>
      fixture.call("/bill-inquiries", {
        inquiryId: randomUUID(),
        customerParameters: [{ name: "accountNumber", value: accountNumber }],
      }),
    post: (fields) =>
      fixture.call("/postings", {
        postingId: fields.postingId ?? randomUUID(),
        channelId: channel,
        customerParameters: [{ name: "accountNumber", value: fields.accountNumber ?? "W1001" }],
        ...(fields.billNumber === undefined ? {} : { billNumber: fields.billNumber }),
        amount: fields.amount ?? "45.10",
        currency: fields.currency ?? "CNY",
        paidAt: "2026-12-06T09:59:00.000Z",
      }),
  };
  return fixture;
}
