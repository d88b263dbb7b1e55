/**
 * What a newcomer meets from the command line: one data directory wherever a command is run
 * from, a clear line (never a stack trace) when a command finds no store, and a clear line
 * when the port is taken.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import { sqliteFileName } from "../../src/adapters/store/database.ts";
import { dataDirFrom, packageDataDir } from "../../src/cli/data-dir.ts";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const cliPath = join(packageDir, "bin", "clearhub.mjs");

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(
  args: readonly string[],
  cwd: string,
  dataDir?: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "", ...extraEnv };
  delete env.CLEARHUB_DATA_DIR;
  if (dataDir !== undefined) env.CLEARHUB_DATA_DIR = dataDir;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env });
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
  });
}

let workDir: string;
beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), "clearhub-cli-"));
});
afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function expectOneLineRefusal(run: CliRun, says: string): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(says);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

it("finds the data directory from the package, not the working directory", () => {
  expect(packageDataDir).toBe(join(packageDir, "data"));
  expect(dataDirFrom({})).toBe(packageDataDir);
  expect(dataDirFrom({ CLEARHUB_DATA_DIR: "" })).toBe(packageDataDir);
  expect(dataDirFrom({ CLEARHUB_DATA_DIR: "/srv/clearhub" })).toBe("/srv/clearhub");
});

it("verify run from another directory reads the package's store, and creates nothing there", async () => {
  const existed = existsSync(join(packageDataDir, sqliteFileName));
  const run = await runCli(["verify"], workDir);
  expect(`${run.stdout}${run.stderr}`).toContain(join(packageDataDir, sqliteFileName));
  expect(readdirSync(workDir)).toEqual([]);
  expect(existsSync(join(packageDataDir, sqliteFileName))).toBe(existed);
});

it.each([
  ["verify", ["verify"]],
  ["token create", ["token", "create", "--name", "ops"]],
])(
  "%s on a directory without a store says so, exits 1 and creates no database",
  async (_, args) => {
    const dataDir = join(workDir, "empty");
    const run = await runCli(args, workDir, dataDir);
    expectOneLineRefusal(run, `no clearhub database at ${join(dataDir, sqliteFileName)}`);
    expect(run.stdout).toBe("");
    expect(existsSync(dataDir)).toBe(false);
  },
);

it("verify on a database without the schema says so and exits 1", async () => {
  writeFileSync(join(workDir, sqliteFileName), ""); // an empty file is an empty SQLite database
  const run = await runCli(["verify"], workDir, workDir);
  expectOneLineRefusal(run, "no clearhub schema in");
});

let blocker: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
});

it("start on a port in use names the port and how to pick another, in one line", async () => {
  const server = createServer();
  blocker = server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const run = await runCli(["start", "--port", String(port)], workDir, workDir);
  expectOneLineRefusal(run, `port ${port} on 127.0.0.1 is in use`);
  expect(run.stderr).toContain("PORT=");
});

it("start with a malformed webhook allow-list names it in one line and opens nothing", async () => {
  const dataDir = join(workDir, "store");
  const run = await runCli(["start", "--port", "0"], workDir, dataDir, {
    CLEARHUB_WEBHOOK_ALLOW_NETWORKS: "127.0.0.0/8,intranet",
  });
  expectOneLineRefusal(run, "CLEARHUB_WEBHOOK_ALLOW_NETWORKS: not a network in CIDR form");
  expect(existsSync(dataDir)).toBe(false);
});

it("start with a billRef validity out of bounds names it in one line and opens nothing", async () => {
  const dataDir = join(workDir, "store");
  const fromEnvironment = await runCli(["start", "--port", "0"], workDir, dataDir, {
    CLEARHUB_BILL_REF_VALIDITY_MINUTES: "0",
  });
  expectOneLineRefusal(
    fromEnvironment,
    "CLEARHUB_BILL_REF_VALIDITY_MINUTES: expected an integer from 1 to 1440",
  );
  const fromOption = await runCli(
    ["start", "--port", "0", "--bill-ref-validity-minutes", "1441"],
    workDir,
    dataDir,
  );
  expectOneLineRefusal(fromOption, "expected an integer from 1 to 1440");
  expect(fromOption.stderr).toContain("--bill-ref-validity-minutes");
  expect(existsSync(dataDir)).toBe(false);
});
