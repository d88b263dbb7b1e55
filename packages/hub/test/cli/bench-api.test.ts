/**
 * `clearhub bench api` as a user runs it: the CLI starts a hub on a throwaway store, a separate
 * driver process sends signed pings and transfers, and the command checks the ledger. Not a
 * timed test: it proves the figures are produced and consistent, never how high they are.
 */
import { expect, it } from "vitest";
import { generateDataKeyEntry } from "../../src/adapters/crypto/data-key-entry.ts";
import type { ApiBenchResult } from "../../src/cli/bench-api.ts";
import { serve } from "../../src/cli/serve.ts";
import { describeEachBackend, openTestDatabase, postgresBaseUrl } from "../support/backends.ts";
import { runCli, runCliJson } from "../support/run-cli.ts";

describeEachBackend("clearhub bench api", (backend) => {
  const common = [
    "bench",
    "api",
    "--backend",
    backend,
    "--database-url",
    postgresBaseUrl(),
    "--duration",
    "1",
    "--warmup",
    "0",
    "--connections",
    "4",
    "--payers",
    "2",
    "--json",
  ];

  it("prints one JSON object whose transfers are each in the ledger once", async () => {
    const { result, stderr } = await runCliJson<ApiBenchResult>(common);
    expect(result).toMatchObject({
      backend,
      connections: 4,
      payers: 2,
      transfersPerRequest: 1,
      errors: 0,
      noopErrors: 0,
      verified: true,
      verifyProblems: [],
    });
    for (const field of ["seconds", "requestsPerSecond", "p50Ms", "p99Ms", "maxMs"] as const) {
      expect(result[field]).toBeGreaterThan(0);
    }
    expect(result.requests).toBeGreaterThan(0);
    expect(result.noopRequests).toBeGreaterThan(0);
    expect(result.noopRequestsPerSecond).toBeGreaterThan(0);
    expect(result.p50Ms).toBeLessThanOrEqual(result.p99Ms);
    expect(result.p99Ms).toBeLessThanOrEqual(result.maxMs);
    // No warm-up and no errors: every transfer request was acknowledged and is in the ledger.
    expect(result.transfersCreated).toBe(result.requests);
    expect(stderr).toContain("of signed POST /v1/ping and 1 s of single transfers");
  });

  it("sends bulk requests and counts their transfers", async () => {
    const { result } = await runCliJson<ApiBenchResult>([...common, "--bulk", "20"]);
    expect(result).toMatchObject({ transfersPerRequest: 20, errors: 0, verified: true });
    expect(result.itemErrorsByCode).toEqual({});
    expect(result.requests).toBeGreaterThan(0);
    expect(result.transfersCreated).toBe(result.requests * 20);
    expect(result.transfersPerSecond).toBeGreaterThan(result.requestsPerSecond);
  });

  it("drives a hub already running at --url, onboarding with an operator token", async () => {
    const store = await openTestDatabase(backend);
    const lines: string[] = [];
    const running = await serve(
      {
        host: "127.0.0.1",
        port: 0,
        databaseUrl: store.databaseUrl,
        dataDir: store.dataDir,
        // A ring in memory: the test leaves no key file behind.
        dataKeys: generateDataKeyEntry(new Date()).entry,
        demo: false,
        logger: false,
      },
      (line) => lines.push(line),
    );
    try {
      const token = /(chop_[A-Za-z0-9_-]{43})/.exec(lines.join("\n"))?.[1] ?? "";
      const args = ["bench", "api", "--url", running.url, "--duration", "1", "--warmup", "0"];
      const { result } = await runCliJson<ApiBenchResult>(
        [...args, "--connections", "4", "--json"],
        { CLEARHUB_OPERATOR_TOKEN: token },
      );
      expect(result).toMatchObject({ backend: "remote", errors: 0, verified: true });
      expect(result.transfersCreated).toBe(result.requests);
      expect(await running.hub.ledgerStore.readAllAccounts()).not.toHaveLength(0);
      expect((await runCli(args, { CLEARHUB_OPERATOR_TOKEN: "" })).stderr).toContain(
        "CLEARHUB_OPERATOR_TOKEN",
      );
    } finally {
      await running.close();
      await store.dispose();
    }
  });
});
