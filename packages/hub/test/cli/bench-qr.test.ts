/**
 * `clearhub bench qr` as a user runs it: a hub on a throwaway SQLite store, the wallet simulator
 * in its own process, a driver process paying dynamic merchant-presented codes as the wallet,
 * then one presenting the wallet's one-time codes as the acquirer; every unknown payment is
 * settled by status inquiry and the command reconciles the hub with the wallet's books. Not a
 * timed test: it proves the figures are produced and that nothing is lost or doubled, never how
 * high they are.
 */
import type { WalletPaymentView } from "@clearhub/simulators";
import { describe, expect, it } from "vitest";
import type { QrBenchResult } from "../../src/cli/bench-qr.ts";
import { type PaymentRow, reconcileCharges } from "../../src/cli/bench-qr-reconcile.ts";
import { ProblemList } from "../../src/cli/bench-reconcile.ts";
import { findCurrency } from "../../src/domain/money/currency.ts";
import { runCliJson } from "../support/run-cli.ts";

async function benchQr(drop: string): Promise<QrBenchResult> {
  const { result, stderr } = await runCliJson<QrBenchResult>([
    "bench",
    "qr",
    "--backend",
    "sqlite",
    "--duration",
    "1",
    "--concurrency",
    "8",
    "--customers",
    "4",
    "--drop",
    drop,
    "--json",
  ]);
  expect(stderr).toContain("merchant-presented payments");
  expect(stderr).toContain("consumer-presented payments");
  expect(stderr).toContain("reconciling");
  return result;
}

/** What holds of every run: both modes measured, each payment charged and cleared once. */
function expectReconciled(result: QrBenchResult): void {
  expect(result.verified, result.problems.join("; ")).toBe(true);
  expect(result).toMatchObject({ backend: "sqlite", lost: 0, doubled: 0, errors: 0 });
  expect(result.noopErrors).toBe(0);
  for (const mode of [result.mpm, result.cpm]) {
    expect(mode.payments).toBeGreaterThan(0);
    expect(mode.ratio).toBeGreaterThan(0);
    expect(mode.noopRequestsPerSecond).toBeGreaterThan(0);
  }
  expect(result.mpmRatio).toBe(result.mpm.ratio);
  expect(result.cpmRatio).toBe(result.cpm.ratio);
  expect(result.mpmPaymentsPerSecond).toBeGreaterThan(0);
  expect(result.cpmPaymentsPerSecond).toBeGreaterThan(0);
  expect(result.mpmP99Ms).toBeGreaterThan(0);
  expect(result.cpmP99Ms).toBeGreaterThan(0);
  expect(result.noopRequestsPerSecond).toBeGreaterThan(0);
  expect(typeof result.loadAverageStart).toBe("number");
  expect(typeof result.loadAverageEnd).toBe("number");
  // Merchant-presented payments clear at once: every one answered succeeded.
  expect(result.mpm.answeredStates).toEqual({ succeeded: result.mpm.payments });
  // Every payment ended succeeded (level A: no limit refused one) or declined, the wallet
  // charging each consumer-presented one that succeeded exactly once.
  const { succeeded = 0, declined = 0, ...others } = result.finalStates;
  expect(others).toEqual({});
  expect(succeeded + declined).toBe(result.mpm.payments + result.cpm.payments);
  expect(result.walletCharges).toBe(succeeded - result.mpm.payments);
  expect(Object.values(result.failureCodes).reduce((sum, n) => sum + n, 0)).toBe(declined);
  if (process.platform === "linux") expect(result.walletCpuMsPerPayment).toBeGreaterThan(0);
  else expect(result.walletCpuMsPerPayment).toBeNull();
}

describe("clearhub bench qr", () => {
  it("pays both modes against a healthy wallet, each payment charged and cleared once", async () => {
    const result = await benchQr("0");
    expectReconciled(result);
    expect(result.drop).toBe(0);
    expect(result.cpm.answeredStates).toEqual({ succeeded: result.cpm.payments });
    expect(result.finalStates).toEqual({ succeeded: result.mpm.payments + result.cpm.payments });
    expect(result.inquired).toBe(0);
  }, 120_000);

  it("settles the answers the wallet lost by inquiry, losing or doubling none", async () => {
    const result = await benchQr("0.3");
    expectReconciled(result);
    expect(result.drop).toBe(0.3);
    // Some 30% of the wallet's answers were lost: those payments were answered unknown and
    // settled by inquiry, not lost. (Past a share of lost answers the hub's breaker may stop
    // calling the wallet for a while: those payments are declined unsent, and not charged.)
    expect(result.cpm.answeredStates.unknown ?? 0).toBeGreaterThan(0);
    expect(result.inquired).toBeGreaterThan(0);
  }, 120_000);
});

describe("the reconciliation of the hub's code payments with the wallet's books", () => {
  const cny = findCurrency("CNY");
  if (cny === undefined) throw new Error("CNY is known");
  const row = (paymentId: string, state: string): PaymentRow => ({
    paymentId,
    instrument: "payment_code",
    state,
    amount: 1n,
    inquiries: 0,
  });
  const charge = (paymentId: string, charged: string): WalletPaymentView => ({
    paymentId,
    status: charged === "0.00" ? "declined" : "approved",
    request: undefined,
    customerRef: "bench-customer-0",
    refunded: "0.00",
    charged,
  });

  it("finds nothing when each succeeded payment is charged once and nothing else is", () => {
    const list = new ProblemList();
    const found = reconcileCharges(
      [row("a", "succeeded"), row("b", "declined"), row("c", "reversed")],
      [charge("a", "0.01"), charge("b", "0.00"), charge("c", "0.00")],
      cny,
      list,
    );
    expect(found).toEqual({ lost: 0, doubled: 0, charges: 1 });
    expect(list.problems).toEqual([]);
  });

  it("counts a charge the hub does not show succeeded, and a success the wallet did not charge, as lost", () => {
    const list = new ProblemList();
    const found = reconcileCharges(
      [row("a", "succeeded"), row("b", "declined")],
      [charge("b", "0.01")],
      cny,
      list,
    );
    expect(found).toEqual({ lost: 2, doubled: 0, charges: 1 });
    expect(list.problems).toHaveLength(2);
  });

  it("counts a payment charged twice, and a charge no payment of the hub's has, as doubled", () => {
    const list = new ProblemList();
    const found = reconcileCharges(
      [row("a", "succeeded")],
      [charge("a", "0.01"), charge("a", "0.01"), charge("z", "0.01")],
      cny,
      list,
    );
    expect(found).toEqual({ lost: 0, doubled: 2, charges: 2 });
  });
});
