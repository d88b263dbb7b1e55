/**
 * `clearhub bench settle`, small: the bulk path loads a ledger that verifies (hash chain across
 * batches and groups, balances, zero sums) into one window, and the close it times nets that
 * window to what the stored transfers imply, recomputed here from the transfers themselves.
 * Then the command as a user runs it: `--json` prints the named fields, `--out` keeps the files,
 * and the ISO 20022 ones validate against the official schemas.
 * Not a timed test: it proves the figures are right, never how fast anything was.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { validateAllAgainstSchema } from "../../src/adapters/iso20022/schema-validation.ts";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import {
  closeAndExport,
  positionProblems,
  type SettlementBenchResult,
  withLoadedNetwork,
} from "../../src/cli/bench-settlement.ts";
import type { DuringLoadResult } from "../../src/cli/bench-settlement-during-load.ts";
import type { Hub } from "../../src/hub.ts";
import { describeEachBackend, postgresBaseUrl } from "../support/backends.ts";
import { runCliJson } from "../support/run-cli.ts";

/** Five journal batches of the ledger's size, so two groups of the bulk path. */
const transfers = 35_000;
const participants = 12;
const quiet = () => {};

/** Each account's net (credits − debits) over every stored transfer, from the transfers. */
async function netsFromTransfers(hub: Hub): Promise<Map<number, bigint>> {
  const head = await hub.ledgerStore.readJournalHead();
  const nets = new Map<number, bigint>();
  for (const t of await hub.ledgerStore.readTransfersOfBatches(1, head.seq)) {
    nets.set(t.debitAccountId, (nets.get(t.debitAccountId) ?? 0n) - t.amount);
    nets.set(t.creditAccountId, (nets.get(t.creditAccountId) ?? 0n) + t.amount);
  }
  return nets;
}

describeEachBackend("bench settle", (backend) => {
  it("loads a ledger that verifies and closes its window to the positions its transfers imply", async () => {
    const options = {
      backend,
      databaseUrl: postgresBaseUrl(),
      transfers,
      participants,
      progress: quiet,
    };
    await withLoadedNetwork(options, async (hub, network) => {
      const verified = await verifyLedger(hub.ledgerStore);
      expect(verified.problems).toEqual([]);
      expect(verified).toMatchObject({ ok: true, transfers, batches: 5 });

      const result = await closeAndExport(hub, network, options);
      expect(result).toMatchObject({
        transfers,
        participants,
        positions: participants,
        instructions: participants,
        consistent: true,
        csvFiles: 3,
        xmlFiles: 2 * participants,
      });
      const report = await hub.settlement.report(result.windowId);
      const positions = report?.positions ?? [];
      expect(positions.reduce((sum, p) => sum + p.net, 0n)).toBe(0n);
      const fromTransfers = await netsFromTransfers(hub);
      expect(new Map(positions.map((p) => [p.accountId, p.net]))).toEqual(fromTransfers);
      expect(result.bilateralPairs).toBeGreaterThan(0);
      expect((await verifyLedger(hub.ledgerStore)).ok).toBe(true);
    });
  }, 120_000);
});

it("finds positions that do not sum to zero or differ from what was loaded", () => {
  const position = (participantId: string, net: bigint) => ({
    accountId: 1,
    participantId,
    grossSent: 0n,
    grossReceived: 0n,
    net,
  });
  const expected = new Map([
    ["a", -5n],
    ["b", 5n],
  ]);
  expect(positionProblems([position("a", -5n), position("b", 5n)], expected)).toEqual([]);
  expect(positionProblems([position("a", -5n), position("b", 4n)], expected)).toEqual([
    "positions sum to -1, not zero",
    "b: net 4, loaded 5",
  ]);
  expect(positionProblems([position("a", -5n), position("c", 5n)], expected)).toEqual([
    "b: net 0, loaded 5",
    "c: in the window, not loaded",
  ]);
});

it("prints the named fields with --json and keeps the files in --out", async () => {
  const out = await mkdtemp(join(tmpdir(), "clearhub-settle-files-"));
  try {
    const { result, stderr } = await runCliJson<SettlementBenchResult>([
      "bench",
      "settle",
      "--backend",
      "sqlite",
      "--transfers",
      "3000",
      "--participants",
      "20",
      "--out",
      out,
      "--json",
    ]);
    expect(stderr).toContain("participants registered");
    expect(result).toMatchObject({ transfers: 3000, participants: 20, consistent: true });
    for (const field of ["closeSeconds", "exportSeconds", "seconds"] as const) {
      expect(typeof result[field], field).toBe("number");
    }
    expect(result.seconds).toBeCloseTo(result.closeSeconds + result.exportSeconds, 2);
    const names = await readdir(out);
    expect(names).toHaveLength(result.files);
    expect(names.filter((name) => name.endsWith(".csv"))).toHaveLength(3);
    // A pacs.009 per instruction, a camt.053 per participant with a position.
    expect(result.xmlFiles).toBe(result.instructions + result.positions);
    const positions = await readFile(join(out, `${result.windowId}-positions.csv`), "utf8");
    expect(positions.trim().split("\n")).toHaveLength(1 + result.positions);
    for (const schema of ["pacs.009.001.09", "camt.053.001.08"] as const) {
      const suffix = `.${schema.slice(0, 8)}.xml`;
      const xmls = await Promise.all(
        names
          .filter((name) => name.endsWith(suffix))
          .map((name) => readFile(join(out, name), "utf8")),
      );
      expect(xmls.length, schema).toBeGreaterThan(0);
      expect(await validateAllAgainstSchema(xmls, schema)).toEqual({ valid: true });
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}, 120_000);

it("prints the throughput ratio with --during-load", async () => {
  const { result } = await runCliJson<DuringLoadResult>([
    "bench",
    "settle",
    "--during-load",
    "--backend",
    "sqlite",
    "--transfers",
    "1000",
    "--participants",
    "10",
    "--seconds",
    "2",
    "--slice-seconds",
    "1",
    "--concurrency",
    "64",
    "--json",
  ]);
  expect(result).toMatchObject({ transfers: 1000, participants: 10, slices: 2, failed: 0 });
  expect(result.closes).toBeGreaterThanOrEqual(2);
  expect(result.transfersPerSecondWithoutCloses).toBeGreaterThan(0);
  expect(result.throughputRatio).toBeCloseTo(
    result.transfersPerSecondWithCloses / result.transfersPerSecondWithoutCloses,
    2,
  );
  expect(result.closeMaxMs).toBeGreaterThanOrEqual(result.closeP50Ms);
}, 120_000);
