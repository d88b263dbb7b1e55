/**
 * The faults the wallet simulator injects: latency, random declines, answers dropped or too
 * late after the payment was applied, and a capacity beyond which nothing is read or applied.
 */
import { describe, expect, it } from "vitest";
import { useWallet } from "./support/wallet-fixture.ts";

/** A sleeper that holds every delay until the test releases it. */
function gatedSleeper() {
  let release: () => void = () => {};
  let gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    sleeper: () => gate,
    open() {
      release();
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  };
}

describe("faults", () => {
  const fixture = useWallet();

  it("adds the latency asked for before processing", async () => {
    fixture.wallet.setFaults({ latencyMs: 250 });
    await fixture.pay({});
    expect(fixture.delaysMs).toEqual([250]);
  });

  it("declines at random as asked, charging nothing and using the code", async () => {
    fixture.wallet.setFaults({ declineRate: 1 });
    const code = fixture.code();
    const answer = await fixture.pay({ number: code });
    expect(answer.body).toMatchObject({ status: "declined", reasonCode: "issuer_decision" });
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
    fixture.wallet.setFaults({ declineRate: 0 });
    expect((await fixture.pay({ number: code })).body.reasonCode).toBe("code_used");
  });

  it("a dropped payment is applied, then its connection closed without an answer", async () => {
    fixture.wallet.setFaults({ dropRate: 1 });
    await expect(fixture.pay({ paymentId: "pay-d1" })).rejects.toThrow();
    expect(fixture.wallet.stats().dropped).toBe(1);
    expect(fixture.balance("cust-li-wei")).toBe("974.50");
    fixture.wallet.setFaults({ dropRate: 0 });
    expect((await fixture.inquire("pay-d1")).body.status).toBe("approved");
  });

  it("a late payment is applied, and answered only after the timeout delay", async () => {
    fixture.wallet.setFaults({ timeoutRate: 1, timeoutDelayMs: 45_000 });
    const answer = await fixture.pay({ paymentId: "pay-d2" });
    expect(answer.body.status).toBe("approved");
    expect(fixture.delaysMs).toEqual([45_000]);
    expect(fixture.wallet.stats()).toMatchObject({ late: 1, answered: 0 });
  });

  it("refuses fault options out of range, whole", () => {
    expect(() => fixture.wallet.setFaults({ declineRate: 0.7, pendingRate: 0.5 })).toThrow(
      /must not pass 1/,
    );
    expect(fixture.wallet.faults().declineRate).toBe(0);
  });
});

describe("capacity", () => {
  const gate = gatedSleeper();
  const fixture = useWallet({ sleeper: gate.sleeper, faults: { capacityMax: 2, latencyMs: 10 } });

  it("beyond it answers 503 wallet_busy, signed, and applies nothing", async () => {
    const calls = Array.from({ length: 5 }, (_, i) => fixture.pay({ paymentId: `pay-c${i}` }));
    // The two taken wait on the gate; the three beyond capacity are answered at once.
    while (fixture.wallet.stats().busy < 3) await new Promise((resolve) => setImmediate(resolve));
    gate.open();
    const answers = await Promise.all(calls);
    const busy = answers.filter((answer) => answer.status === 503);
    expect(busy).toHaveLength(3);
    for (const answer of busy) {
      expect(answer).toMatchObject({ signed: true, body: { code: "wallet_busy" } });
    }
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2);
    expect(fixture.wallet.payments()).toHaveLength(2);
    expect(fixture.balance("cust-li-wei")).toBe("949.00");
  });
});
