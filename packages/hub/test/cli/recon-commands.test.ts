import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { validateAgainstSchema } from "../../src/adapters/iso20022/schema-validation.ts";
import { hubActor } from "../../src/domain/audit/audit-actor.ts";
import { elementTexts } from "../adapters/iso20022/expect-valid.ts";
import { runCli } from "../support/run-cli.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";

let t: TestHub | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const today = () => new Date().toISOString().slice(0, 10);

it("exports a statement, matches a record and resolves a break from the command line", async () => {
  t = await openTestHub("sqlite");
  const { hub } = t;
  const register = async (id: string) => {
    const registered = await hub.participants.register(
      { id, name: id, kind: "bank", currencies: [{ currency: "CNY", netDebitCap: 10n ** 9n }] },
      hubActor,
    );
    if (!registered.ok) throw new Error(registered.code);
    return registered.value;
  };
  const self = await register("cli-self");
  await register("cli-other");
  for (const id of ["c-1", "c-2"]) {
    const [created] = await hub.participantTransfers.create(self, [
      {
        id,
        payeeId: "cli-other",
        amount: 250n,
        currency: "CNY",
        requestHash: createHash("sha256").update(id).digest("hex"),
      },
    ]);
    expect(created?.ok).toBe(true);
  }
  const dataDir = t.database.dataDir as string;
  const env = { CLEARHUB_DATA_DIR: dataDir, DATABASE_URL: undefined };
  const statement = join(dataDir, "statement.csv");
  const store = ["--data-dir", dataDir];

  const exported = await runCli(
    [
      "recon",
      "export",
      "--participant",
      "cli-self",
      "--day",
      today(),
      "--out",
      statement,
      "--json",
      ...store,
    ],
    env,
  );
  expect(exported.code, exported.stderr).toBe(0);
  expect(JSON.parse(exported.stdout)).toMatchObject({ rows: 2 });
  const lines = (await readFile(statement, "utf8")).trim().split("\r\n");
  expect(lines).toHaveLength(3);

  const xmlFile = join(dataDir, "statement.xml");
  const xmlExported = await runCli(
    [
      "recon",
      "export",
      "--participant",
      "cli-self",
      "--day",
      today(),
      "--format",
      "camt053",
      "--currency",
      "CNY",
      "--out",
      xmlFile,
      "--json",
      ...store,
    ],
    env,
  );
  expect(xmlExported.code, xmlExported.stderr).toBe(0);
  expect(JSON.parse(xmlExported.stdout)).toMatchObject({ format: "camt053", rows: 2 });
  const xml = await readFile(xmlFile, "utf8");
  expect(await validateAgainstSchema(xml, "camt.053.001.08")).toMatchObject({ valid: true });
  expect(elementTexts(xml, "AcctSvcrRef")).toEqual(["c-1", "c-2"]);

  // The participant's record lacks c-2.
  const record = join(dataDir, "record.csv");
  await writeFile(record, `${lines[0]}\r\n${lines[1]}\r\n`);
  const matched = await runCli(
    ["recon", "match", record, "--participant", "cli-self", "--day", today(), "--json", ...store],
    env,
  );
  expect(matched.code, matched.stderr).toBe(0);
  expect(JSON.parse(matched.stdout)).toMatchObject({
    hubRows: 2,
    participantRows: 1,
    breaks: { missing_at_participant: 1 },
    // A whole hub node settles the day's unknown operations first: this day has none.
    inquiry: { asked: 0, settled: 0, limit: 200, more: false },
  });

  const listed = await runCli(
    ["recon", "breaks", "--participant", "cli-self", "--json", ...store],
    env,
  );
  const [found] = (
    JSON.parse(listed.stdout) as { items: { id: string; hubTransactionId: string }[] }
  ).items;
  expect(found?.hubTransactionId).toBe("c-2");

  const resolved = await runCli(
    [
      "recon",
      "resolve",
      found?.id as string,
      "--write-off",
      "booked late by the participant",
      "--json",
      ...store,
    ],
    env,
  );
  expect(resolved.code, resolved.stderr).toBe(0);
  expect(JSON.parse(resolved.stdout)).toMatchObject({
    state: "written_off",
    reason: "booked late by the participant",
  });
  const again = await runCli(["recon", "resolve", found?.id as string, "--accept", ...store], env);
  expect({ code: again.code, stderr: again.stderr.trim() }).toEqual({
    code: 1,
    stderr: "clearhub: break_resolved",
  });

  await writeFile(
    record,
    `${lines[0]}\r\nc-1,c-1,transfer,cli-other,2.5O,CNY,0.00,completed,,,\r\n`,
  );
  const malformed = await runCli(
    ["recon", "match", record, "--participant", "cli-self", "--day", today(), ...store],
    env,
  );
  expect(malformed.code).toBe(1);
  expect(malformed.stderr).toContain("line 2:");
}, 150_000);
