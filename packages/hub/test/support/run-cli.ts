import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `clearhub` as a user would, in the hub package, and collects what it printed. `env` adds
 * to this process's environment; a variable given as undefined is left out.
 */
export async function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const merged = { ...process.env, ...env };
  const child = spawn(process.execPath, [join(packageDir, "bin", "clearhub.mjs"), ...args], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  return { code, stdout, stderr };
}

/**
 * Runs a `--json` command that must succeed and print exactly one JSON object; answers it, with
 * what the command wrote to standard error (its progress).
 */
export async function runCliJson<T>(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<{ readonly result: T; readonly stderr: string }> {
  const { code, stdout, stderr } = await runCli(args, env);
  expect(code, stderr).toBe(0);
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  return { result: JSON.parse(lines[0] ?? "") as T, stderr };
}
