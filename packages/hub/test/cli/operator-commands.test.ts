/**
 * `clearhub operator create` and `clearhub token create --role`, run as a person runs them, on
 * a SQLite data directory of their own: accounts with scrypt-hashed passwords that log in, and
 * tokens bound to an account whose role they never exceed.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ScryptPasswordHasher } from "../../src/adapters/crypto/scrypt-password-hasher.ts";
import { openDatabase } from "../../src/adapters/store/database.ts";
import { hashOperatorToken } from "../../src/api/operator-auth.ts";

const cliPath = fileURLToPath(new URL("../../bin/clearhub.mjs", import.meta.url));
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "clearhub-cli-"));
  // The commands work on the hub's store, so there must be one: as `clearhub migrate` makes it.
  const migrated = await clearhub(["migrate"]);
  expect(migrated.code, migrated.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

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

async function accountRow(name: string) {
  const database = openDatabase({ dataDir });
  try {
    return await database.kysely
      .selectFrom("operator_accounts")
      .selectAll()
      .where("name", "=", name)
      .executeTakeFirst();
  } finally {
    await database.close();
  }
}

it("creates an operator with a generated password, printed once, that verifies", async () => {
  const created = await clearhub(["operator", "create", "--name", "alice", "--role", "operator"]);
  expect(created.code, created.stderr).toBe(0);
  const password = created.stdout.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  expect(created.stderr).toContain('"alice" created as operator');
  const row = await accountRow("alice");
  expect(row?.role).toBe("operator");
  expect(await new ScryptPasswordHasher().verify(password, row?.password_hash ?? "")).toBe(true);
  const again = await clearhub(["operator", "create", "--name", "alice", "--role", "viewer"]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("operator_account_exists");
}, 60_000);

it("reads the password from standard input with --password-stdin, and refuses a short one", async () => {
  const chosen = "a passphrase typed once";
  const created = await clearhub(
    ["operator", "create", "--name", "bob", "--role", "viewer", "--password-stdin"],
    `${chosen}\n`,
  );
  expect(created.code, created.stderr).toBe(0);
  expect(created.stdout).toBe("");
  const row = await accountRow("bob");
  expect(await new ScryptPasswordHasher().verify(chosen, row?.password_hash ?? "")).toBe(true);
  const short = await clearhub(
    ["operator", "create", "--name", "carol", "--role", "viewer", "--password-stdin"],
    "short\n",
  );
  expect(short.code).toBe(1);
  expect(short.stderr).toContain("password_invalid");
  const badRole = await clearhub(["operator", "create", "--name", "carol", "--role", "root"]);
  expect(badRole.code).not.toBe(0);
  expect(await accountRow("carol")).toBeUndefined();
}, 60_000);

it("issues tokens bound to an account: admin by default, never above the account's role", async () => {
  const issued = await clearhub(["token", "create", "--name", "deploy-bot"]);
  expect(issued.code, issued.stderr).toBe(0);
  const token = issued.stdout.trim();
  const database = openDatabase({ dataDir });
  try {
    const row = await database.kysely
      .selectFrom("operator_tokens as t")
      .innerJoin("operator_accounts as a", "a.id", "t.account_id")
      .select(["t.role as tokenRole", "a.name", "a.role", "a.password_hash"])
      .where("t.token_hash", "=", hashOperatorToken(token))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      tokenRole: "admin",
      name: "deploy-bot",
      role: "admin",
      password_hash: null,
    });
  } finally {
    await database.close();
  }
  const viewerToken = await clearhub([
    "token",
    "create",
    "--name",
    "bob's report",
    "--account",
    "bob",
    "--role",
    "viewer",
  ]);
  expect(viewerToken.code, viewerToken.stderr).toBe(0);
  const tooStrong = await clearhub([
    "token",
    "create",
    "--name",
    "bob's admin",
    "--account",
    "bob",
  ]);
  expect(tooStrong.code).not.toBe(0);
  expect(tooStrong.stderr).toContain("cannot exceed its account's");
}, 60_000);
