/**
 * `clearhub bench bill-payments` as a user runs it: a hub on a throwaway SQLite store, a biller
 * simulator in its own process, a driver process paying its customers directly; then every
 * payment is posted (a lost answer settled by status inquiry) and the command reconciles the
 * hub with the biller's postings. Not a timed test: it proves the figures are produced and that
 * nothing is lost or doubled, never how high they are.
 */
import { describe, expect, it } from "vitest";
import type { BillPaymentsBenchResult } from "../../src/cli/bench-bill-payments.ts";
import { runCliJson } from "../support/run-cli.ts";

async function benchBillPayments(drop: string): Promise<BillPaymentsBenchResult> {
  const { result, stderr } = await runCliJson<BillPaymentsBenchResult>([
    "bench",
    "bill-payments",
    "--backend",
    "sqlite",
    "--duration",
    "1",
    "--concurrency",
    "8",
    "--customers",
    "16",
    "--drop",
    drop,
    "--json",
  ]);
  expect(stderr).toContain("reconciling");
  return result;
}

/** What holds of every run: each accepted payment posted once, for its amount, and measured. */
function expectReconciled(result: BillPaymentsBenchResult): void {
  expect(result.verified, result.problems.join("; ")).toBe(true);
  expect(result).toMatchObject({ backend: "sqlite", lost: 0, doubled: 0, errors: 0 });
  expect(result.payments).toBeGreaterThan(0);
  expect(result.answeredStates).toEqual({ accepted: result.payments });
  expect(result.ratio).toBeGreaterThan(0);
  expect(result.noopRequestsPerSecond).toBeGreaterThan(0);
  // Every payment the hub accepted ended posted, the biller holding exactly one posting each.
  expect(result.finalStates).toEqual({ posted: result.billerPostings });
  expect(result.billerPostings).toBeGreaterThanOrEqual(result.payments);
  expect(typeof result.postingLagP99Ms).toBe("number");
  expect(result.postingLagP99Ms).toBeGreaterThanOrEqual(result.postingLagP50Ms);
  expect(result.postingLagMaxMs).toBeGreaterThanOrEqual(result.postingLagP99Ms);
  // Read from /proc on Linux: the biller verified and signed while the payments were posted.
  if (process.platform === "linux") expect(result.billerCpuMsPerPayment).toBeGreaterThan(0);
  else expect(result.billerCpuMsPerPayment).toBeNull();
}

describe("clearhub bench bill-payments", () => {
  it("posts every accepted payment to a healthy biller once and measures the lag", async () => {
    const result = await benchBillPayments("0");
    expectReconciled(result);
    expect(result.drop).toBe(0);
  }, 120_000);

  it("settles the postings whose answers the biller lost by inquiry, losing or doubling none", async () => {
    const result = await benchBillPayments("0.3");
    expectReconciled(result);
    expect(result.drop).toBe(0.3);
    // Some 30% of the answers were lost: those payments were taken up again, not lost.
    expect(result.takenUp).toBeGreaterThan(0);
  }, 120_000);
});
