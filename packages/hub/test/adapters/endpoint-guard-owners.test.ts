/**
 * The endpoint guard keyed by a generic endpoint: a biller's endpoint is guarded as a bank's,
 * each under its own owner, so one owner's failing endpoint never opens another's circuit even
 * when both use the same endpoint id; records and health name the owner as its kind names it.
 */
import { describe, expect, it } from "vitest";
import {
  CockatielEndpointGuard,
  endpointGuardDefaults,
  type GuardCallRecord,
} from "../../src/adapters/resilience/cockatiel-endpoint-guard.ts";
import { newEndpointSettings } from "../../src/domain/banks/bank-endpoint.ts";
import type { CallableEndpoint } from "../../src/domain/calls/callable-endpoint.ts";

const settings = newEndpointSettings("https://example.test/hub", {
  timeoutMs: 1_000,
  concurrencyMax: 2,
  breaker: { failurePercent: 50, windowMs: 1_000, minimumCalls: 2, halfOpenAfterMs: 60_000 },
});
const billerEndpoint: CallableEndpoint = { billerId: "water-co", id: "main", ...settings };
const bankEndpoint: CallableEndpoint = { bankId: "bank-a", id: "main", ...settings };

describe("the endpoint guard with endpoints of different owners", () => {
  it("guards a biller's endpoint apart from a bank's endpoint of the same id", async () => {
    const records: GuardCallRecord[] = [];
    const guard = new CockatielEndpointGuard({
      ...endpointGuardDefaults,
      onCall: (record) => records.push(record),
    });
    for (let call = 0; call < 2; call++) {
      await guard.call(billerEndpoint, async () => ({ value: 0, failed: true, error: "HTTP 502" }));
    }
    expect(await guard.call(billerEndpoint, async () => ({ value: 1, failed: false }))).toEqual({
      ok: false,
      code: "endpoint_circuit_open",
      sent: false,
    });
    expect(await guard.call(bankEndpoint, async () => ({ value: 2, failed: false }))).toEqual({
      ok: true,
      value: 2,
    });
    expect(guard.health(billerEndpoint)).toMatchObject({
      billerId: "water-co",
      endpointId: "main",
      breaker: "open",
      failures: 2,
      refused: 1,
    });
    expect(guard.health(bankEndpoint)).toMatchObject({
      bankId: "bank-a",
      endpointId: "main",
      breaker: "closed",
      calls: 1,
    });
    expect(guard.healthAll().map((health) => [health.endpointId, "billerId" in health])).toEqual([
      ["main", true],
      ["main", false],
    ]);
    expect(records.at(-2)).toEqual({
      billerId: "water-co",
      endpointId: "main",
      outcome: "circuit_open",
    });
    expect(records.at(-1)).toMatchObject({ bankId: "bank-a", endpointId: "main", outcome: "ok" });
  });
});
