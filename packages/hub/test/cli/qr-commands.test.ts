/**
 * `clearhub qr encode|decode` as a person runs them: a static and a dynamic code printed and
 * decoded back, images written and scanned, refusals as JSON on standard error with exit 1.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { publishedPayloads } from "../domain/barcode/published-payloads.ts";

const cliPath = fileURLToPath(new URL("../../bin/clearhub.mjs", import.meta.url));
const jsQR = jsQRModule.default;
let directory: string;

function clearhub(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args]);
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

const merchant = [
  "--acquirer",
  "acquirer-a",
  "--merchant",
  "M-0001",
  "--name",
  "Corner Grocery",
  "--city",
  "Shanghai",
  "--mcc",
  "5411",
  "--currency",
  "CNY",
  "--country",
  "CN",
];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "clearhub-cli-qr-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

it("encodes a static code and decodes it back to its fields", async () => {
  const encoded = await clearhub(["qr", "encode", ...merchant]);
  expect(encoded.code, encoded.stderr).toBe(0);
  const payload = encoded.stdout.trim();
  expect(payload).toMatch(/^000201010211.*6304[0-9A-F]{4}$/);
  const decoded = await clearhub(["qr", "decode", payload]);
  expect(decoded.code, decoded.stderr).toBe(0);
  expect(JSON.parse(decoded.stdout)).toMatchObject({
    initiation: "static",
    accountTag: "26",
    acquirerId: "acquirer-a",
    merchantId: "M-0001",
    merchantCategoryCode: "5411",
    currency: "CNY",
    countryCode: "CN",
    merchantName: "Corner Grocery",
    merchantCity: "Shanghai",
  });
}, 60_000);

it("encodes a dynamic code, writes a PNG and an SVG, prints the terminal code, and decodes", async () => {
  const png = join(directory, "code.png");
  const svg = join(directory, "code.svg");
  const encoded = await clearhub([
    "qr",
    "encode",
    ...merchant,
    "--amount",
    "12.3",
    "--reference",
    "ORDER-42",
    "--expires",
    "2026-12-07T18:30:00+08:00",
    "--png",
    png,
    "--svg",
    svg,
    "--terminal",
  ]);
  expect(encoded.code, encoded.stderr).toBe(0);
  const [payload = "", ...terminal] = encoded.stdout.split("\n");
  expect(terminal.join("\n")).toContain("▄");
  const image = PNG.sync.read(await readFile(png));
  const scanned = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  expect(scanned?.data).toBe(payload);
  expect(await readFile(svg, "utf8")).toMatch(/^<svg /);
  const decoded = await clearhub(["qr", "decode", payload]);
  expect(decoded.code, decoded.stderr).toBe(0);
  expect(JSON.parse(decoded.stdout)).toMatchObject({
    initiation: "dynamic",
    amount: "12.30",
    reference: "ORDER-42",
    expiresAt: "2026-12-07T10:30:00.000Z",
  });
}, 60_000);

it("refuses a bad payload with its problem code on standard error and exit 1", async () => {
  const decoded = await clearhub([
    "qr",
    "decode",
    publishedPayloads.emvcoAnnex.replace("A13A", "A13B"),
  ]);
  expect(decoded.code).toBe(1);
  expect(decoded.stdout).toBe("");
  expect(JSON.parse(decoded.stderr)).toMatchObject({ problem: "qr_crc_invalid", tag: "63" });
  const foreign = await clearhub(["qr", "decode", publishedPayloads.singaporePayNow]);
  expect(foreign.code).toBe(1);
  expect(JSON.parse(foreign.stderr)).toMatchObject({ problem: "qr_not_clearhub" });
}, 60_000);

it("prints any network's fields with --any-network", async () => {
  const decoded = await clearhub(["qr", "decode", "--any-network", publishedPayloads.emvcoAnnex]);
  expect(decoded.code, decoded.stderr).toBe(0);
  const fields = JSON.parse(decoded.stdout).fields as Array<{ id: string; fields?: unknown[] }>;
  expect(fields.find((field) => field.id === "64")?.fields).toEqual([
    { id: "00", value: "ZH" },
    { id: "01", value: "最佳运输" },
    { id: "02", value: "北京" },
  ]);
}, 60_000);

it("refuses an encode that breaks a rule, and an expiry without a zone", async () => {
  const noExpiry = await clearhub(["qr", "encode", ...merchant, "--amount", "5.00"]);
  expect(noExpiry.code).toBe(1);
  expect(JSON.parse(noExpiry.stderr)).toMatchObject({
    problem: "qr_tag_missing",
    tag: "26.03",
  });
  const localTime = await clearhub([
    "qr",
    "encode",
    ...merchant,
    "--amount",
    "5.00",
    "--reference",
    "R1",
    "--expires",
    "2026-12-07T10:30:00",
  ]);
  expect(localTime.code).toBe(1);
  expect(localTime.stderr).toContain("with a zone");
}, 60_000);
