/**
 * `clearhub biller set|show|list`, run as a person runs them on a SQLite data directory of
 * their own: a profile set from a file and from standard input, a repeat that changes
 * nothing, refusals named field by field, and a capacity raise sent to the operator API.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/store/database.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import { waterProfile } from "../support/biller-profiles.ts";

const cliPath = fileURLToPath(new URL("../../bin/clearhub.mjs", import.meta.url));
let dataDir: string;

function clearhub(
  args: readonly string[],
  stdin = "",
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: "", CLEARHUB_DATA_DIR: dataDir };
    const child = spawn(process.execPath, [cliPath, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "clearhub-cli-billers-"));
  const migrated = await clearhub(["migrate"]);
  expect(migrated.code, migrated.stderr).toBe(0);
  // Participants are onboarded through the operator API; here, straight into the store.
  const database = openDatabase({ dataDir });
  try {
    const participants = new KyselyParticipantStore(database.kysely);
    for (const [id, kind] of [
      ["water-co", "biller"],
      ["bank-a", "bank"],
    ] as const) {
      await participants.createParticipant(
        { id, name: `${id} name`, kind, status: "active", createdAt: 1 },
        [{ participantId: id, kind: "position", currency: "CNY", debitLimit: 0n }],
      );
    }
  } finally {
    await database.close();
  }
}, 180_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it("sets a profile from a file, keeps a repeat unchanged, and shows and lists it", async () => {
  const file = join(dataDir, "water.json");
  await writeFile(file, JSON.stringify(waterProfile));
  const set = await clearhub(["biller", "set", "water-co", "--file", file]);
  expect(set.code, set.stderr).toBe(0);
  expect(JSON.parse(set.stdout)).toMatchObject({ id: "water-co", version: 1, category: "water" });
  expect(set.stderr).toContain("biller water-co registered: version 1");
  const again = await clearhub(
    ["biller", "set", "water-co", "--file", "-"],
    JSON.stringify(waterProfile),
  );
  expect(again.code, again.stderr).toBe(0);
  expect(again.stderr).toContain("biller water-co unchanged: version 1");
  const shown = await clearhub(["biller", "show", "water-co"]);
  expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(set.stdout));
  const listed = await clearhub(["biller", "list"]);
  expect(listed.stdout).toMatch(
    /^water-co\s+water\s+active\s+v1\s+mandatory\s+exact\s+20\/s inquiries/,
  );
  const json = await clearhub(["biller", "list", "--json"]);
  expect((JSON.parse(json.stdout) as { id: string }[]).map((b) => b.id)).toEqual(["water-co"]);
}, 180_000);

it("names each refused field, refuses what is no biller, and sends a capacity raise to four eyes", async () => {
  const bad = await clearhub(
    ["biller", "set", "water-co", "--file", "-"],
    JSON.stringify({ ...waterProfile, category: "lottery", currencies: ["USD"] }),
  );
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("(biller_profile_invalid)");
  expect(bad.stderr).toContain("/category: category_unknown");
  const bank = await clearhub(
    ["biller", "set", "bank-a", "--file", "-"],
    JSON.stringify(waterProfile),
  );
  expect(bank.code).toBe(1);
  expect(bank.stderr).toContain("participant_not_biller");
  const raise = { ...waterProfile, capacity: { ...waterProfile.capacity, postingsPerSecond: 99 } };
  const raised = await clearhub(
    ["biller", "set", "water-co", "--file", "-"],
    JSON.stringify(raise),
  );
  expect(raised.code).toBe(1);
  expect(raised.stderr).toContain("needs a second operator's approval");
  const missing = await clearhub(["biller", "show", "bank-a"]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain("participant_not_biller");
  const notJson = await clearhub(["biller", "set", "water-co", "--file", "-"], "{");
  expect(notJson.stderr).toContain("is not JSON");
}, 180_000);
