/**
 * The newcomer's path, run as written: the demo hub started for real (`clearhub start --demo`
 * in a temporary data directory on a free port, a child process), then every README block
 * marked `<!-- newcomer-test -->` run against it, the shell blocks with bash and the TypeScript
 * blocks with tsx, in a scratch directory inside the repository (where `npx` and `@clearhub/sdk`
 * resolve as from its root, and the files the blocks write are thrown away). Only what the banner
 * tells a newcomer to copy is substituted: the port, the operator token, the wallets' key ids and
 * key files, the bank's address. The TypeScript blocks of one README continue each other (a later
 * one uses what an earlier one made), so they run as one program; the QR walk-through's
 * TypeScript pays the code its shell block wrote to `qr.txt`, so the shell blocks run first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const cliPath = join(repoRoot, "packages", "hub", "bin", "clearhub.mjs");
const marker = "<!-- newcomer-test -->";
const startTimeoutMs = 40_000;
/** The shell blocks start the CLI four times, each a fresh tsx process of the whole hub: slow on a busy machine. */
const shellBlocksTimeoutMs = 180_000;

interface Snippet {
  readonly readme: string;
  readonly language: "sh" | "ts";
  readonly code: string;
}

/** The blocks right after a marker, in the order they appear. */
function markedSnippets(readme: string): Snippet[] {
  const text = readFileSync(join(repoRoot, readme), "utf8");
  const pattern = new RegExp(`${marker}\\n\`\`\`(sh|ts)\\n([\\s\\S]*?)\\n\`\`\`\\n`, "g");
  return [...text.matchAll(pattern)].map((match) => ({
    readme,
    language: match[1] as "sh" | "ts",
    code: match[2] as string,
  }));
}

interface Banner {
  readonly text: string;
  readonly hubUrl: string;
  readonly token: string;
  readonly keyId: string;
  readonly keyFile: string;
  readonly betaKeyId: string;
  readonly betaKeyFile: string;
  readonly eastOrigin: string;
  readonly alphaWalletUrl: string;
}

function readBanner(text: string): Banner | undefined {
  const token = /operator token \(shown once, store it now\): (chop_[A-Za-z0-9_-]+)/.exec(text);
  const hubUrl = /clearhub listening on (http:\/\/\S+)/.exec(text);
  const key = /wallet-alpha\s+(wallet-alpha\.\S+)\s+(\S+\.pem)/.exec(text);
  const betaKey = /wallet-beta\s+(wallet-beta\.\S+)\s+(\S+\.pem)/.exec(text);
  const east = /bank-east\s+(http:\/\/[^/\s]+)\/branch-1/.exec(text);
  // The first wallet printed is Alpha Pay's: its origin, as the customers' admin link shows it.
  const alphaWallet = /customers (http:\/\/[^/\s]+)\/admin\/customers/.exec(text);
  if (!token || !hubUrl || !key || !betaKey || !east || !alphaWallet) return undefined;
  return {
    text,
    hubUrl: hubUrl[1] as string,
    token: token[1] as string,
    keyId: key[1] as string,
    keyFile: key[2] as string,
    betaKeyId: betaKey[1] as string,
    betaKeyFile: betaKey[2] as string,
    eastOrigin: east[1] as string,
    alphaWalletUrl: alphaWallet[1] as string,
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: scratch, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

let dataDir: string;
let scratch: string;
let hub: ChildProcess | undefined;
let banner: Banner;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "clearhub-newcomer-"));
  // In the repository, so that `@clearhub/sdk` resolves as it does for a file saved there.
  scratch = mkdtempSync(join(repoRoot, ".newcomer-"));
  const port = await freePort();
  const child = spawn(process.execPath, [cliPath, "start", "--demo"], {
    cwd: join(repoRoot, "packages", "hub"),
    env: { ...process.env, DATABASE_URL: "", CLEARHUB_DATA_DIR: dataDir, PORT: String(port) },
  });
  hub = child;
  banner = await new Promise<Banner>((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`no banner:\n${text}`)), startTimeoutMs);
    const read = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const found = readBanner(text);
      if (found === undefined) return;
      clearTimeout(timer);
      resolve(found);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`the hub exited (${code}):\n${text}`)));
  });
}, startTimeoutMs + 5_000);

afterAll(async () => {
  if (hub !== undefined && hub.exitCode === null) {
    const exited = new Promise((resolve) => hub?.once("exit", resolve));
    hub.kill("SIGTERM");
    await exited;
  }
  rmSync(scratch, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** The README's placeholders, replaced by what this start printed. */
function substituted(code: string): string {
  const port = new URL(banner.hubUrl).port;
  return code
    .replaceAll("localhost:8080", `127.0.0.1:${port}`)
    .replaceAll("127.0.0.1:8080", `127.0.0.1:${port}`)
    .replaceAll("chop_...", banner.token)
    .replaceAll("wallet-alpha.DHY_EZJGiPrFrpHS", banner.keyId)
    .replaceAll("packages/hub/data/demo-keys/wallet-alpha.pem", banner.keyFile)
    .replaceAll("wallet-beta.Dhf3-yR7KBC65Z08", banner.betaKeyId)
    .replaceAll("packages/hub/data/demo-keys/wallet-beta.pem", banner.betaKeyFile)
    .replaceAll("http://127.0.0.1:46243", banner.eastOrigin)
    .replaceAll("http://127.0.0.1:39547", banner.alphaWalletUrl);
}

async function operatorGet(path: string): Promise<Response> {
  return fetch(`${banner.hubUrl}/operator/v1${path}`, {
    headers: { authorization: `Bearer ${banner.token}` },
  });
}

async function runShell(snippet: Snippet): Promise<string> {
  const code = substituted(snippet.code);
  expect(code).not.toMatch(/:8080|chop_\.\.\./);
  // The hub's own data directory, as `npm start` and `npx clearhub` share one: the blocks that
  // issue a token for the demo's second admin find the demo's database.
  const result = await run("bash", ["-e", "-o", "pipefail", "-c", code], {
    TOKEN: banner.token,
    CLEARHUB_DATA_DIR: dataDir,
  });
  expect(result.code, result.output).toBe(0);
  expect(result.output, "a command was answered with a problem").not.toContain(
    "urn:clearhub:problem:",
  );
  return result.output;
}

async function runTypeScript(readme: string, snippets: readonly Snippet[]): Promise<string> {
  const code = substituted(snippets.map((snippet) => snippet.code).join("\n"));
  expect(code).not.toMatch(
    /:8080|:46243|:39547|DHY_EZJGiPrFrpHS|Dhf3-yR7KBC65Z08|packages\/hub\/data/,
  );
  const file = join(scratch, `${readme.replaceAll("/", "-")}.ts`);
  writeFileSync(file, code);
  const result = await run(process.execPath, ["--import", "tsx", file]);
  expect(result.code, result.output).toBe(0);
  return result.output;
}

it("prints a banner whose links answer, with absolute paths and each bank's account numbers", async () => {
  expect(isAbsolute(banner.keyFile)).toBe(true);
  expect(banner.text).toContain(`data          ${join(dataDir, "clearhub.db")}`);
  expect(banner.text).toMatch(
    /account at bank-east 6222021000000001 {2}bank-west 6217001000000001/,
  );
  const links = [...banner.text.matchAll(/(?:accounts|ledger) (http:\/\/\S+)/g)].map((m) => m[1]);
  expect(links).toHaveLength(4);
  for (const link of links) expect((await fetch(link as string)).status, link).toBe(200);
  expect((await fetch(`${banner.hubUrl}/docs`)).status).toBeLessThan(400);
});

it("starts the demo wallets as issuers: endpoints, prefixes, customers, a merchant and CNY limits", async () => {
  const customers = /wallet-alpha\s+(http:\/\/\S+)\s+codes 2801… {2}cards 9801…/.exec(banner.text);
  expect(customers, banner.text).not.toBeNull();
  const origin = customers?.[1] as string;
  const listed = (await (await fetch(`${origin}/admin/customers`)).json()) as {
    customers: { customerId: string }[];
  };
  expect(listed.customers.map((customer) => customer.customerId)).toContain("alpha-li-wei");
  const endpoints = (await (await operatorGet("/issuers/wallet-alpha/endpoints")).json()) as {
    items: { id: string; url: string }[];
  };
  expect(endpoints.items.map((endpoint) => new URL(endpoint.url).origin)).toEqual([origin]);
  const prefixes = (await (await operatorGet("/code-prefixes")).json()) as {
    items: { prefix: string; issuerId: string; instrument: string }[];
  };
  expect(
    prefixes.items.map(({ prefix, issuerId, instrument }) => [prefix, issuerId, instrument]),
  ).toEqual([
    ["2801", "wallet-alpha", "payment_code"],
    ["2802", "wallet-beta", "payment_code"],
    ["9801", "wallet-alpha", "prepaid_card"],
    ["9802", "wallet-beta", "prepaid_card"],
  ]);
  expect(banner.text).toContain("  wallet-beta   tea-house  Tea House Lin  5814  Shanghai CN");
  expect(banner.text).toContain(
    "barcode limits per payer customer and day (CNY): A by agreement, B 5000.00, C 1000.00, D 500.00",
  );
});

it(
  "runs the root README's shell blocks as written",
  async () => {
    const snippets = markedSnippets("README.md").filter((snippet) => snippet.language === "sh");
    expect(snippets.length).toBe(5);
    const outputs = [];
    for (const snippet of snippets) outputs.push(await runShell(snippet));
    // The billers block read the demo water utility's profile, registered at the first start.
    expect(JSON.parse(outputs[3] ?? "")).toMatchObject({ id: "biller-water", category: "water" });
    // The operator API block onboarded and funded Gamma Pay.
    const gamma = await operatorGet("/participants/wallet-gamma");
    expect(gamma.status).toBe(200);
    // The cut-over blocks left two migrations, one rolled back and one completed, and the
    // demo as it was: signings on branch-1, which is enabled.
    const migrations = (await (
      await operatorGet("/banks/bank-east/endpoint-migrations")
    ).json()) as {
      items: { state: string }[];
    };
    expect(migrations.items.map((item) => item.state).sort()).toEqual(["completed", "rolled_back"]);
    const endpoints = (await (await operatorGet("/banks/bank-east/endpoints")).json()) as {
      items: { id: string; enabled: boolean }[];
      primaryEndpointId: string;
    };
    expect(endpoints.primaryEndpointId).toBe("branch-1");
    expect(endpoints.items.every((endpoint) => endpoint.enabled)).toBe(true);
    // The QR block made a dynamic code for the demo merchant, as a PNG too, and decoded it.
    const payload = readFileSync(join(scratch, "qr.txt"), "utf8").split("\n")[0] as string;
    expect(outputs[4]).toContain(payload);
    expect(readFileSync(join(scratch, "qr.png")).subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(outputs[4]).toMatch(
      /"initiation": "dynamic"[\s\S]*"merchantId": "tea-house"[\s\S]*"amount": "36.50"/,
    );
  },
  shellBlocksTimeoutMs,
);

it("runs the root README's TypeScript walk-through: sign, pay, refund, pay out, inquire and pay bills, settle, reconcile, pay a QR code, take a code payment", async () => {
  const snippets = markedSnippets("README.md").filter((snippet) => snippet.language === "ts");
  expect(snippets.length).toBe(8);
  const output = await runTypeScript("README.md", snippets);
  expect(output).toMatch(/^active succeeded tx-\S+$/m);
  expect(output).toMatch(/^succeeded succeeded$/m);
  expect(output).toMatch(/^W-2026-11-0001 86\.40 br_\S+$/m);
  expect(output).toMatch(/^biller cache$/m);
  // The water bill was cleared at once and posted to City Water, whose receipt came back.
  expect(output).toMatch(/^accepted posted RCPT-\S+$/m);
  // The CNY window closed with the walk-through's traffic in it, and the bank's file settled it.
  expect(output).toMatch(/^wallet-alpha (pay|receive) \d+\.\d{2}$/m);
  expect(output).toMatch(/^CNY-\d+ settled$/m);
  // wallet-alpha's record lacked one completed row of its statement: one break, written off.
  const [hubRows, participantRows] = /^(\d+) (\d+) 1$/m.exec(output)?.slice(1).map(Number) ?? [];
  expect(participantRows, output).toBe((hubRows ?? 0) - 1);
  expect(output).toMatch(/^missing_at_participant written_off$/m);
  // Alpha Pay paid Tea House Lin's dynamic code once; Beta Wallet found the order paid.
  expect(output).toMatch(/^dynamic_qr succeeded 36\.50$/m);
  expect(output).toMatch(/^1 true wallet-alpha$/m);
  expect(output).toMatch(/^qr_code_used$/m);
  // The consumer-presented block: routed by prefix to Alpha Pay, approved, the code used once.
  expect(output).toMatch(/^payment_code succeeded wallet-alpha$/m);
  expect(output).toMatch(/^declined code_used$/m);
});

it("runs the SDK README's example: a transfer to a participant of the demo", async () => {
  const snippets = markedSnippets("packages/sdk/README.md");
  expect(snippets.map((snippet) => snippet.language)).toEqual(["ts"]);
  const output = await runTypeScript("packages/sdk/README.md", snippets);
  const [id] = /^(\S+) posted false$/m.exec(output)?.slice(1) ?? [];
  expect(id, output).toBeDefined();
  expect((await operatorGet(`/transfers/${id}`)).status).toBe(200);
});
