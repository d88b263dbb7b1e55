import { setTimeout as sleep } from "node:timers/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { transferResultCodes } from "../../src/domain/ledger/result-code.ts";
import { describeEachBackend } from "../support/backends.ts";
import {
  type ApiHarness,
  accountOf,
  createParticipant,
  deposit,
  useApiHarness,
} from "./api-harness.ts";

type Labels = Record<string, string>;

const samplePattern = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

function labelsOf(text: string | undefined): Labels {
  return Object.fromEntries([...(text ?? "").matchAll(labelPattern)].map((m) => [m[1], m[2]]));
}

function sameLabels(a: Labels, b: Labels): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The value of the sample with exactly these labels; undefined when the series does not exist. */
function sample(body: string, name: string, labels: Labels = {}): number | undefined {
  for (const line of body.split("\n")) {
    const match = samplePattern.exec(line);
    if (match === null || match[1] !== name) continue;
    if (sameLabels(labelsOf(match[2]), labels)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(api: ApiHarness): Promise<string> {
  // No token: a scraper has none.
  const response = await api.app.inject({ method: "GET", url: "/metrics" });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

function resultCounts(body: string): Record<string, number | undefined> {
  return Object.fromEntries(
    Object.keys(transferResultCodes).map((code) => [
      code,
      sample(body, "clearhub_ledger_transfer_results_total", { code }),
    ]),
  );
}

describeEachBackend("metrics", (backend) => {
  const api = useApiHarness(backend);

  const requests = (body: string, labels: Labels) =>
    sample(body, "clearhub_http_requests_total", labels);

  it("counts requests by route template, method, status class and caller", async () => {
    await createParticipant(api, "bank-a");
    expect((await api.call("GET", "/operator/v1/participants/bank-a")).statusCode).toBe(200);
    expect((await api.call("GET", "/operator/v1/participants/bank-z")).statusCode).toBe(404);
    expect(
      (await api.app.inject({ method: "GET", url: "/operator/v1/participants" })).statusCode,
    ).toBe(401);
    expect((await api.app.inject({ method: "GET", url: "/no/such/route" })).statusCode).toBe(404);

    const body = await scrape(api);
    expect(
      requests(body, {
        route: "/operator/v1/participants",
        method: "POST",
        status_class: "2xx",
        caller: "operator",
      }),
    ).toBe(1);
    const participantRoute = "/operator/v1/participants/:participantId";
    const get = { route: participantRoute, method: "GET", caller: "operator" };
    expect(requests(body, { ...get, status_class: "2xx" })).toBe(1);
    expect(requests(body, { ...get, status_class: "4xx" })).toBe(1);
    expect(
      requests(body, {
        route: "/operator/v1/participants",
        method: "GET",
        status_class: "4xx",
        caller: "anonymous",
      }),
    ).toBe(1);
    expect(
      requests(body, {
        route: "unmatched",
        method: "GET",
        status_class: "4xx",
        caller: "anonymous",
      }),
    ).toBe(1);
    expect(
      sample(body, "clearhub_http_request_duration_seconds_count", { route: participantRoute }),
    ).toBe(2);
    // Raw URLs never become label values.
    expect(body).not.toContain("bank-a");
    expect(body).not.toContain("/no/such/route");
  });

  it("counts its own scrapes as anonymous requests to /metrics", async () => {
    await scrape(api);
    const body = await scrape(api);
    expect(
      requests(body, {
        route: "/metrics",
        method: "GET",
        status_class: "2xx",
        caller: "anonymous",
      }),
    ).toBe(1);
  });

  it("exports the process metrics with the clearhub_ prefix", async () => {
    const body = await scrape(api);
    expect(sample(body, "clearhub_process_cpu_seconds_total")).toBeGreaterThan(0);
    expect(sample(body, "clearhub_nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });

  describe("the ledger", () => {
    let a: number;
    let b: number;

    beforeEach(async () => {
      await createParticipant(api, "bank-a", [{ currency: "EUR", netDebitCap: "100.00" }]);
      await createParticipant(api, "bank-b", [{ currency: "EUR", netDebitCap: "0" }]);
      a = (await accountOf(api, "bank-a", "position")).id;
      b = (await accountOf(api, "bank-b", "position")).id;
    });

    const posted = (id: string, amount: string, fields: Record<string, unknown> = {}) => ({
      id,
      kind: "posted",
      debitAccountId: a,
      creditAccountId: b,
      amount,
      currency: "EUR",
      ...fields,
    });
    const submit = async (transfers: unknown[]) => {
      const response = await api.call("POST", "/operator/v1/transfers", { transfers });
      expect(response.statusCode, response.body).toBe(200);
    };

    it("counts batches, their commit times and every result by code", async () => {
      const before = await scrape(api);
      const batchesBefore = sample(before, "clearhub_ledger_batch_transfers_count") ?? 0;
      await submit([
        posted("t1", "60.00"),
        posted("t2", "50.00"),
        // The last transfer is linked, so its group has no end: answered without a batch.
        posted("t3", "1.00", { linked: true }),
      ]);
      const after = await scrape(api);

      const batches = (sample(after, "clearhub_ledger_batch_transfers_count") ?? 0) - batchesBefore;
      expect(batches).toBeGreaterThanOrEqual(1);
      expect(sample(after, "clearhub_ledger_batch_transfers_sum")).toBeGreaterThanOrEqual(2);
      expect(sample(after, "clearhub_ledger_batch_commit_seconds_count")).toBe(
        sample(after, "clearhub_ledger_batch_transfers_count"),
      );
      expect(sample(after, "clearhub_ledger_storage_errors_total")).toBe(0);

      const counted = resultCounts(after);
      const previously = resultCounts(before);
      const added = Object.fromEntries(
        Object.entries(counted)
          .map(([code, count]) => [code, (count ?? Number.NaN) - (previously[code] ?? Number.NaN)])
          .filter(([, count]) => count !== 0),
      );
      expect(added).toEqual({ ok: 1, exceeds_net_debit_cap: 1, linked_event_chain_open: 1 });
    });

    it("counts released reservations", async () => {
      expect(sample(await scrape(api), "clearhub_pending_expirations_total")).toBe(0);
      await submit([posted("p1", "10.00", { kind: "pending", timeoutMs: 1 })]);
      await sleep(20);
      expect(await api.hub.expiry.sweep()).toBe(1);
      // A pass that finds nothing adds nothing.
      expect(await api.hub.expiry.sweep()).toBe(0);
      expect(sample(await scrape(api), "clearhub_pending_expirations_total")).toBe(1);
    });
  });

  describe("two hubs in one process", () => {
    const other = useApiHarness(backend);

    it("keep separate counts", async () => {
      await createParticipant(api, "bank-a");
      await deposit(api, "bank-a", "d1", "10.00");
      const created = {
        route: "/operator/v1/participants",
        method: "POST",
        status_class: "2xx",
        caller: "operator",
      };
      const [mine, theirs] = [await scrape(api), await scrape(other)];
      expect(requests(mine, created)).toBe(1);
      expect(requests(theirs, created)).toBeUndefined();
      expect(requests(theirs, { ...created, route: "/metrics", caller: "anonymous" })).toBe(
        undefined,
      );
      expect(resultCounts(mine).ok).toBe(1);
      expect(resultCounts(theirs).ok).toBe(0);
      expect(sample(mine, "clearhub_ledger_batch_transfers_count")).toBeGreaterThanOrEqual(1);
      expect(sample(theirs, "clearhub_ledger_batch_transfers_count")).toBe(0);
    });
  });
});
