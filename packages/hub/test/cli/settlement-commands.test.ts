/**
 * `clearhub settle close|report|confirm|abort` as a person runs them on a hub's SQLite store:
 * figures printed as JSON match the traffic, files are written with --out, a file that does not
 * match the window is refused line by line with exit 1 and moves nothing, and money moves once.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { validateAllAgainstSchema } from "../../src/adapters/iso20022/schema-validation.ts";
import { runCli, runCliJson } from "../support/run-cli.ts";
import { testActor } from "../support/test-actor.ts";
import type { TestHub } from "../support/test-hub.ts";
import { openTestHub } from "../support/test-hub.ts";

let test: TestHub;
let env: Record<string, string>;
let outDir: string;

beforeAll(async () => {
  test = await openTestHub("sqlite");
  const { hub } = test;
  for (const id of ["bank-a", "bank-b"]) {
    const registered = await hub.participants.register(
      { id, name: id, kind: "bank", currencies: [{ currency: "CNY", netDebitCap: 100_000n }] },
      testActor,
    );
    expect(registered.ok).toBe(true);
  }
  const position = async (id: string) =>
    (await hub.participantStore.findAccount(id, "CNY", "position"))?.id as number;
  const [a, b] = [await position("bank-a"), await position("bank-b")];
  await hub.funds.moveFunds(
    {
      participantId: "bank-a",
      currency: "CNY",
      amount: 10_000n,
      direction: "in",
      transferId: "dep",
    },
    testActor,
  );
  const codes = await hub.ledger.submit([
    {
      kind: "posted",
      id: "t1",
      debitAccountId: a,
      creditAccountId: b,
      amount: 1_250n,
      currency: "CNY",
    },
    {
      kind: "posted",
      id: "t2",
      debitAccountId: b,
      creditAccountId: a,
      amount: 250n,
      currency: "CNY",
    },
  ]);
  expect(codes).toEqual(["ok", "ok"]);
  await hub.close();
  env = { DATABASE_URL: "", CLEARHUB_DATA_DIR: test.database.dataDir as string };
  outDir = await mkdtemp(join(tmpdir(), "clearhub-settle-"));
}, 60_000);

afterAll(async () => {
  await test?.dispose();
  await rm(outDir, { recursive: true, force: true });
});

it("closes, reports with files, refuses a wrong file, confirms once and cannot abort after", async () => {
  const closed = await runCliJson<{ window: { id: string; state: string }; next: { id: string } }>(
    ["settle", "close", "--currency", "CNY", "--json"],
    env,
  );
  expect(closed.result).toMatchObject({
    window: { id: "CNY-1", state: "closed" },
    next: { id: "CNY-2" },
  });

  const report = await runCliJson<{ instructions: unknown[] }>(
    ["settle", "report", "CNY-1", "--out", outDir, "--json"],
    env,
  );
  expect(report.result.instructions).toEqual([
    {
      participantId: "bank-a",
      accountId: expect.any(Number),
      direction: "pay",
      amount: "10.00",
      leg: "none",
    },
    {
      participantId: "bank-b",
      accountId: expect.any(Number),
      direction: "receive",
      amount: "10.00",
      leg: "none",
    },
  ]);
  const files = (await readdir(outDir)).sort();
  expect(files.filter((name) => name.endsWith(".csv"))).toEqual([
    "CNY-1-bilateral.csv",
    "CNY-1-instructions.csv",
    "CNY-1-positions.csv",
  ]);
  // A pacs.009 per instruction, a camt.053 per participant that moved; each valid.
  const pacs = files.filter((name) => name.endsWith(".pacs.009.xml"));
  const camt = files.filter((name) => name.endsWith(".camt.053.xml"));
  expect([pacs.length, camt.length]).toEqual([2, 2]);
  const read = (names: string[]) =>
    Promise.all(names.map((n) => readFile(join(outDir, n), "utf8")));
  expect(await validateAllAgainstSchema(await read(pacs), "pacs.009.001.09")).toEqual({
    valid: true,
  });
  expect(await validateAllAgainstSchema(await read(camt), "camt.053.001.08")).toEqual({
    valid: true,
  });
  expect(await readFile(join(outDir, "CNY-1-positions.csv"), "utf8")).toContain(
    "CNY-1,CNY,bank-a,",
  );

  const wrong = join(outDir, "wrong.csv");
  await writeFile(
    wrong,
    "window_id,participant_id,direction,amount,currency\nCNY-1,bank-a,pay,10.00,CNY\nCNY-1,bank-b,receive,9.99,CNY\n",
  );
  const refused = await runCli(["settle", "confirm", "CNY-1", "--file", wrong], env);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("confirmation_file_mismatch");
  expect(refused.stderr).toContain("/lines/3 confirmation_amount_mismatch");

  const confirmed = await runCliJson<{ window: { state: string }; posted: string[] }>(
    ["settle", "confirm", "CNY-1", "--json"],
    env,
  );
  expect(confirmed.result.window.state).toBe("settled");
  expect(confirmed.result.posted).toHaveLength(2);
  const again = await runCli(["settle", "confirm", "CNY-1"], env);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("window_already_settled");
  const abort = await runCli(["settle", "abort", "CNY-1"], env);
  expect(abort.code).toBe(1);
  expect(abort.stderr).toContain("window_already_settled");

  const verified = await runCli(["verify"], env);
  expect(verified.code, verified.stdout).toBe(0);
}, 120_000);
