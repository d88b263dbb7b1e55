/**
 * `clearhub bench payments` as a user runs it: a hub on a throwaway SQLite store, a simulated
 * bank losing a fifth of its answers, agreements signed through the one-time-password flow, a
 * driver process paying through them; then the inquiries settle the unknown payments and the
 * command reconciles the hub with the bank. Not a timed test: it proves the figures are produced
 * and that nothing is lost or doubled, never how high they are.
 */
import { expect, it } from "vitest";
import type { PaymentsBenchResult } from "../../src/cli/bench-payments.ts";
import { runCliJson } from "../support/run-cli.ts";

it("pays through agreements with lost bank answers, settles them by inquiry and loses or doubles none", async () => {
  const { result, stderr } = await runCliJson<PaymentsBenchResult>([
    "bench",
    "payments",
    "--backend",
    "sqlite",
    "--duration",
    "1",
    "--concurrency",
    "8",
    "--agreements",
    "16",
    "--drop",
    "0.2",
    "--json",
  ]);
  expect(result).toMatchObject({ backend: "sqlite", drop: 0.2, lost: 0, doubled: 0 });
  expect(result.verified, result.problems.join("; ")).toBe(true);
  expect(result.payments).toBeGreaterThan(0);
  expect(result.paymentsPerSecond).toBeGreaterThan(0);
  expect(result.seconds).toBeGreaterThan(0);
  expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
  expect(result.noopRequestsPerSecond).toBeGreaterThan(0);
  // Every payment the hub answered ended succeeded, the bank holding exactly one debit each.
  expect(result.finalStates.succeeded).toBeGreaterThanOrEqual(result.payments);
  expect(result.bankDebits).toBe(result.finalStates.succeeded);
  expect(stderr).toContain("reconciling");
}, 120_000);
