import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AesGcmFieldSealer } from "../../../src/adapters/crypto/aes-gcm-field-sealer.ts";
import {
  type DataKeyFileResult,
  dataKeyFileName,
  loadOrCreateDataKeyFile,
} from "../../../src/adapters/crypto/data-key-file.ts";
import type { DataKeyRing } from "../../../src/adapters/crypto/data-key-ring.ts";
import { entry } from "./data-key-fixtures.ts";

const now = new Date("2026-01-22T10:00:00Z");

function ring(result: DataKeyFileResult): DataKeyRing {
  if (!result.ok) throw new Error(result.message);
  return result.ring;
}

describe("loadOrCreateDataKeyFile", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "clearhub-data-keys-"));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("creates the data directory and a file of one new key, readable by its owner only", () => {
    const dataDir = join(root, "data");
    const created = loadOrCreateDataKeyFile(dataDir, now);
    const path = join(dataDir, dataKeyFileName);
    expect(created).toMatchObject({ ok: true, path, created: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, "utf8")).toMatch(/^dk-20260122-[0-9a-f]{6}:[A-Za-z0-9+/]{43}=\n$/);
    expect(readdirSync(dataDir)).toEqual([dataKeyFileName]);
  });

  it("creates the file with mode 0600 whatever the umask", () => {
    const previous = process.umask(0);
    try {
      loadOrCreateDataKeyFile(root, now);
    } finally {
      process.umask(previous);
    }
    expect(statSync(join(root, dataKeyFileName)).mode & 0o777).toBe(0o600);
  });

  it("reuses the file on the next load: values sealed before open after", () => {
    const first = ring(loadOrCreateDataKeyFile(root, now));
    const sealed = new AesGcmFieldSealer(first).seal("4242424242424242", "c");
    const contents = readFileSync(join(root, dataKeyFileName), "utf8");

    const again = loadOrCreateDataKeyFile(root, new Date("2027-01-01T00:00:00Z"));
    expect(again).toMatchObject({ ok: true, created: false });
    expect(ring(again).ids).toEqual(first.ids);
    expect(new AesGcmFieldSealer(ring(again)).open(sealed, "c")).toEqual({
      ok: true,
      plaintext: "4242424242424242",
    });
    expect(readFileSync(join(root, dataKeyFileName), "utf8")).toBe(contents);
  });

  it("reads a ring the operator wrote into the file, rotated keys included", () => {
    const path = join(root, dataKeyFileName);
    writeFileSync(path, `${entry("k2")}\n${entry("k1")}\n`, { mode: 0o600 });
    expect(ring(loadOrCreateDataKeyFile(root, now)).ids).toEqual(["k2", "k1"]);
  });

  it.each([0o640, 0o604, 0o644])("refuses a file with mode %o, which others can read", (mode) => {
    const path = join(root, dataKeyFileName);
    writeFileSync(path, `${entry("k1")}\n`);
    chmodSync(path, mode);
    const result = loadOrCreateDataKeyFile(root, now);
    expect(result).toMatchObject({ ok: false, code: "file_permissions_too_open" });
    expect(!result.ok && result.message).toContain(`chmod 600 ${path}`);
  });

  it("refuses a file that holds no valid ring, naming the file", () => {
    const path = join(root, dataKeyFileName);
    writeFileSync(path, "k1:not a key\n", { mode: 0o600 });
    const result = loadOrCreateDataKeyFile(root, now);
    expect(result).toMatchObject({ ok: false, code: "key_not_base64" });
    expect(!result.ok && result.message).toContain(path);
  });
});
