/**
 * Retries against a real hub behind a proxy that refuses, delays or loses answers on cue:
 * only transient failures are retried, every attempt is signed afresh, and a retried write is
 * applied exactly once because the hub answers the repeat as a replay.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ClearhubClient, ClearhubNetworkError, ClearhubProblemError } from "../src/index.ts";
import { type FaultyProxy, problemAnswer, startFaultyProxy } from "./support/faulty-proxy.ts";
import { type HubServer, type OnboardedParticipant, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

const transfer = { payee: "bank-b", amount: "10.00", currency: "EUR" } as const;

function nonceOf(signatureInput: string | string[] | undefined): string | undefined {
  return String(signatureInput).match(/;nonce="([^"]+)"/)?.[1];
}

/** A port on this machine that nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("retries", () => {
  let server: HubServer;
  let proxy: FaultyProxy;
  let payer: OnboardedParticipant;
  let wallet: ClearhubClient;

  beforeAll(async () => {
    server = await startHubServer();
    proxy = await startFaultyProxy(server.baseUrl);
    payer = await server.participant("wallet-a", "payment_institution", "100000.00");
    await server.participant("bank-b", "bank");
    wallet = payer.client({ baseUrl: proxy.baseUrl });
  });
  afterAll(async () => {
    await proxy.close();
    await server.close();
  });
  beforeEach(() => proxy.reset());

  async function transfersNamed(id: string): Promise<number> {
    let found = 0;
    for await (const listed of payer.client().allTransfers()) if (listed.id === id) found += 1;
    return found;
  }

  it("waits out a 503's retry-after, then makes exactly one transfer", async () => {
    proxy.plan(problemAnswer(503, "database_unavailable", { "retry-after": "1" }));
    const startedAt = performance.now();

    const paid = await wallet.createTransfer(transfer);

    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(1_000);
    expect(paid.replayed).toBe(false);
    expect(proxy.requests.map((request) => request.action)).toEqual(["answer", "forward"]);
    expect(await transfersNamed(paid.transfer.id)).toBe(1);
  });

  it("retries after the connection dropped with the answer: the hub answers a replay", async () => {
    proxy.plan({ kind: "drop-after-forward" });

    const paid = await wallet.createTransfer(transfer);

    expect(paid.replayed).toBe(true);
    expect(proxy.requests.map((request) => request.action)).toEqual([
      "drop-after-forward",
      "forward",
    ]);
    expect(await transfersNamed(paid.transfer.id)).toBe(1);
  });

  it("signs every attempt afresh: a new nonce over the same body and id", async () => {
    proxy.plan(problemAnswer(503, "database_unavailable"), { kind: "drop-after-forward" });

    await wallet.createTransfer(transfer);

    const [first, ...others] = proxy.requests;
    expect(proxy.requests).toHaveLength(3);
    const nonces = proxy.requests.map((request) => nonceOf(request.headers["signature-input"]));
    expect(nonces).not.toContain(undefined);
    expect(new Set(nonces).size).toBe(3);
    for (const other of others) {
      expect(other.body).toBe(first?.body);
      expect(other.headers["content-digest"]).toBe(first?.headers["content-digest"]);
      expect(other.headers.signature).not.toBe(first?.headers.signature);
    }
  });

  it("times out an attempt whose answer is late and retries it as a replay", async () => {
    proxy.plan({ kind: "forward", delayAnswerMs: 1_000 });
    const impatient = payer.client({ baseUrl: proxy.baseUrl, attemptTimeoutMs: 300 });

    const paid = await impatient.createTransfer(transfer);

    expect(paid.replayed).toBe(true);
    expect(proxy.requests).toHaveLength(2);
  });

  it("never retries a refusal", async () => {
    proxy.plan(problemAnswer(409, "idempotency_key_reused"));

    const refused = await rejection(wallet.createTransfer(transfer), ClearhubProblemError);

    expect(refused).toMatchObject({ status: 409, code: "idempotency_key_reused", attempts: 1 });
    expect(proxy.requests).toHaveLength(1);
  });

  it("gives up after the attempts allowed, with the last answer's problem", async () => {
    const tooMany = problemAnswer(429, "too_many_requests", { "retry-after": "0" });
    proxy.plan(tooMany, tooMany, tooMany);
    const patient = payer.client({ baseUrl: proxy.baseUrl, retry: { attemptsMax: 3 } });

    const refused = await rejection(patient.accounts(), ClearhubProblemError);

    expect(refused).toMatchObject({ status: 429, code: "too_many_requests", attempts: 3 });
    expect(proxy.requests).toHaveLength(3);
  });

  it("does not wait past a retry-after longer than it would ever wait", async () => {
    proxy.plan(problemAnswer(503, "database_unavailable", { "retry-after": "3600" }));

    const refused = await rejection(wallet.ping(), ClearhubProblemError);

    expect(refused).toMatchObject({ status: 503, attempts: 1 });
  });

  it("stops waiting between attempts when the caller aborts", async () => {
    proxy.plan(problemAnswer(503, "database_unavailable", { "retry-after": "3" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("the caller gave up")), 100);
    const startedAt = performance.now();

    await expect(wallet.ping({ signal: controller.signal })).rejects.toThrow("the caller gave up");

    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(proxy.requests).toHaveLength(1);
  });

  it("deletes a webhook endpoint whose first answer was lost", async () => {
    const bank = (await server.participant("bank-c", "bank")).client({ baseUrl: proxy.baseUrl });
    await bank.registerWebhookEndpoint({
      id: "main",
      url: "https://bank-c.example/hooks",
      eventTypes: ["transfer.credited"],
    });
    proxy.plan({ kind: "drop-after-forward" });

    await bank.deleteWebhookEndpoint("main");

    expect(proxy.requests.map((request) => request.method)).toEqual(["POST", "DELETE", "DELETE"]);
    expect(await bank.listWebhookEndpoints()).toEqual([]);
  });

  it("throws a ClearhubNetworkError when no attempt reaches the hub", async () => {
    const nowhere = payer.client({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      retry: { attemptsMax: 2 },
    });

    const failed = await rejection(nowhere.ping(), ClearhubNetworkError);

    expect(failed.attempts).toBe(2);
    expect(failed.message).toContain("ECONNREFUSED");
  });
});
