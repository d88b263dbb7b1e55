import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dataKeyFileName } from "../../../src/adapters/crypto/data-key-file.ts";
import { loadDataKeyRing } from "../../../src/adapters/crypto/data-key-ring-source.ts";
import { entry } from "./data-key-fixtures.ts";

const now = new Date("2026-01-22T10:00:00Z");

describe("loadDataKeyRing", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "clearhub-data-keys-"));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("takes CLEARHUB_DATA_KEYS when set, and then writes no file", () => {
    const loaded = loadDataKeyRing({ dataKeys: `${entry("k2")},${entry("k1")}`, dataDir }, now);
    expect(loaded).toMatchObject({ ok: true, origin: "CLEARHUB_DATA_KEYS", created: false });
    expect(loaded.ok && loaded.ring.ids).toEqual(["k2", "k1"]);
    expect(existsSync(join(dataDir, dataKeyFileName))).toBe(false);
  });

  it("reports a bad CLEARHUB_DATA_KEYS instead of falling back to the file", () => {
    const loaded = loadDataKeyRing(
      { dataKeys: `k1:${Buffer.from("short").toString("base64")}`, dataDir },
      now,
    );
    expect(loaded).toMatchObject({ ok: false, code: "key_length_invalid" });
    expect(!loaded.ok && loaded.message).toMatch(/^CLEARHUB_DATA_KEYS, entry 1: key "k1"/);
    expect(existsSync(join(dataDir, dataKeyFileName))).toBe(false);
  });

  it.each([undefined, ""])("uses the data-keys file when the variable is %j", (dataKeys) => {
    const first = loadDataKeyRing({ dataKeys, dataDir }, now);
    expect(first).toMatchObject({
      ok: true,
      origin: join(dataDir, dataKeyFileName),
      created: true,
    });
    const second = loadDataKeyRing({ dataKeys, dataDir }, now);
    expect(second).toMatchObject({ ok: true, created: false });
    expect(second.ok && second.ring.ids).toEqual(first.ok && first.ring.ids);
  });
});
