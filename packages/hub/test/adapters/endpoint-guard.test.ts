import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import {
  CockatielEndpointGuard,
  endpointGuardDefaults,
  type GuardCallRecord,
} from "../../src/adapters/resilience/cockatiel-endpoint-guard.ts";
import type { CallReport } from "../../src/app/ports/endpoint-guard.ts";
import { type BankEndpoint, newEndpointSettings } from "../../src/domain/banks/bank-endpoint.ts";

function endpoint(fields: Partial<BankEndpoint> = {}): BankEndpoint {
  return {
    bankId: "bank-a",
    id: "branch-1",
    ...newEndpointSettings("https://bank-a.example/pay", {
      timeoutMs: 200,
      concurrencyMax: 4,
      breaker: { failurePercent: 50, windowMs: 1_000, minimumCalls: 4, halfOpenAfterMs: 100 },
    }),
    createdAt: 1,
    updatedAt: 1,
    retiredAt: null,
    ...fields,
  };
}

function guard() {
  const records: GuardCallRecord[] = [];
  const instance = new CockatielEndpointGuard({
    ...endpointGuardDefaults,
    onCall: (record) => records.push(record),
  });
  return { guard: instance, records };
}

const answered = <T>(value: T, failed = false): Promise<CallReport<T>> =>
  Promise.resolve({ value, failed, error: failed ? "HTTP 503" : undefined });

/** Calls that answer only when released, or fail when their signal aborts. */
function held() {
  const releases: (() => void)[] = [];
  const calls: AbortSignal[] = [];
  const fn = (signal: AbortSignal) => {
    calls.push(signal);
    return new Promise<CallReport<string>>((resolve, reject) => {
      releases.push(() => resolve({ value: "late", failed: false }));
      signal.addEventListener("abort", () => reject(new Error("aborted")));
    });
  };
  const release = () => {
    for (const resolve of releases) resolve();
  };
  return { fn, calls, release };
}

describe("CockatielEndpointGuard", () => {
  it("answers the call's value and counts it", async () => {
    const { guard: g, records } = guard();
    expect(await g.call(endpoint(), () => answered("paid"))).toEqual({ ok: true, value: "paid" });
    const health = g.health(endpoint());
    expect(health).toMatchObject({
      breaker: "closed",
      inFlight: 0,
      calls: 1,
      failures: 0,
      timeouts: 0,
      refused: 0,
      lastError: null,
    });
    expect(health.latencyMs?.p50).toBeGreaterThanOrEqual(0);
    expect(records).toEqual([
      { bankId: "bank-a", endpointId: "branch-1", outcome: "ok", durationMs: expect.any(Number) },
    ]);
  });

  it("times out at timeoutMs with an unknown outcome, and aborts the call", async () => {
    const { guard: g } = guard();
    const call = held();
    const started = Date.now();
    const result = await g.call(endpoint({ timeoutMs: 150 }), call.fn);
    expect(result).toEqual({
      ok: false,
      code: "endpoint_timeout",
      sent: true,
      error: "no answer within 150 ms",
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(call.calls[0]?.aborted).toBe(true);
    expect(g.health(endpoint())).toMatchObject({
      calls: 1,
      failures: 1,
      timeouts: 1,
      lastError: { message: "no answer within 150 ms" },
    });
  });

  it("refuses unsent beyond concurrencyMax calls in flight", async () => {
    const { guard: g, records } = guard();
    const slow = held();
    const narrow = endpoint({ concurrencyMax: 2, timeoutMs: 5_000 });
    const inFlight = [g.call(narrow, slow.fn), g.call(narrow, slow.fn)];
    await sleep(10);
    let called = false;
    const refused = await g.call(narrow, () => {
      called = true;
      return answered("never");
    });
    expect(refused).toEqual({ ok: false, code: "endpoint_saturated", sent: false });
    expect(called).toBe(false);
    expect(g.health(narrow)).toMatchObject({ inFlight: 2, refused: 1 });
    slow.release();
    await Promise.all(inFlight);
    expect(records.map((record) => record.outcome)).toContain("saturated");
  });

  it("opens the circuit after failures, refuses unsent, and closes after a good trial call", async () => {
    const { guard: g } = guard();
    const target = endpoint();
    for (let i = 0; i < 4; i++) {
      expect(await g.call(target, () => answered(503, true))).toEqual({ ok: true, value: 503 });
    }
    expect(g.health(target).breaker).toBe("open");
    let called = false;
    const refused = await g.call(target, () => {
      called = true;
      return answered(200);
    });
    expect(refused).toEqual({ ok: false, code: "endpoint_circuit_open", sent: false });
    expect(called).toBe(false);
    await sleep(130);
    // The trial call fails: open again at once.
    await g.call(target, () => answered(503, true));
    expect(g.health(target).breaker).toBe("open");
    await sleep(130);
    expect(await g.call(target, () => answered(200))).toEqual({ ok: true, value: 200 });
    expect(g.health(target)).toMatchObject({
      breaker: "closed",
      calls: 6,
      failures: 5,
      refused: 1,
      lastError: { message: "HTTP 503" },
    });
  });

  it("does not count business refusals, and counts thrown errors as failures of unknown outcome", async () => {
    const { guard: g } = guard();
    const target = endpoint();
    for (let i = 0; i < 6; i++) await g.call(target, () => answered("card declined"));
    expect(g.health(target)).toMatchObject({ breaker: "closed", failures: 0 });
    const thrown = await g.call(target, () => Promise.reject(new Error("socket hang up")));
    expect(thrown).toEqual({
      ok: false,
      code: "endpoint_call_failed",
      sent: true,
      error: "socket hang up",
    });
    expect(g.health(target)).toMatchObject({ calls: 7, failures: 1 });
  });

  it("applies changed settings from the next call, without a restart", async () => {
    const { guard: g } = guard();
    expect(await g.call(endpoint({ enabled: false }), () => answered(1))).toEqual({
      ok: false,
      code: "endpoint_disabled",
      sent: false,
    });
    const slow = held();
    const one = endpoint({ concurrencyMax: 1, timeoutMs: 5_000 });
    const first = g.call(one, slow.fn);
    await sleep(5);
    expect(await g.call(one, () => answered(2))).toMatchObject({ code: "endpoint_saturated" });
    const two = endpoint({ concurrencyMax: 2, timeoutMs: 5_000 });
    expect(await g.call(two, () => answered(3))).toEqual({ ok: true, value: 3 });
    slow.release();
    await first;
    const quick = held();
    expect(await g.call(endpoint({ timeoutMs: 100 }), quick.fn)).toMatchObject({
      code: "endpoint_timeout",
    });
    // An open breaker starts closed again when its settings change.
    for (let i = 0; i < 4; i++) await g.call(endpoint(), () => answered(0, true));
    expect(g.health(endpoint()).breaker).toBe("open");
    const retuned = endpoint({
      breaker: { failurePercent: 90, windowMs: 1_000, minimumCalls: 4, halfOpenAfterMs: 100 },
    });
    expect(await g.call(retuned, () => answered(4))).toEqual({ ok: true, value: 4 });
    expect(g.health(retuned).breaker).toBe("closed");
  });

  it("reports an endpoint never called as closed and idle", () => {
    const { guard: g } = guard();
    expect(g.health({ bankId: "bank-a", id: "quiet" })).toEqual({
      bankId: "bank-a",
      endpointId: "quiet",
      breaker: "closed",
      inFlight: 0,
      windowMs: 60_000,
      calls: 0,
      failures: 0,
      timeouts: 0,
      refused: 0,
      lastError: null,
      latencyMs: null,
    });
    expect(g.healthAll()).toEqual([]);
  });
});
