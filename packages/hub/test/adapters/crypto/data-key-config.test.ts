import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  type DataKeyConfigError,
  dataKeyCountMax,
  parseDataKeys,
} from "../../../src/adapters/crypto/data-key-config.ts";
import { entry, keyBytes } from "./data-key-fixtures.ts";

describe("parseDataKeys", () => {
  it("reads comma-separated entries, the first being the current key", () => {
    const parsed = parseDataKeys(
      `${entry("k3")},${entry("k2")},${entry("k1")}`,
      "CLEARHUB_DATA_KEYS",
    );
    expect(parsed.ok && parsed.ring.current.id).toBe("k3");
    expect(parsed.ok && parsed.ring.ids).toEqual(["k3", "k2", "k1"]);
    expect(parsed.ok && parsed.ring.find("k1")?.secret.export().equals(keyBytes("k1"))).toBe(true);
    expect(parsed.ok && parsed.ring.find("k4")).toBeUndefined();
  });

  it("reads one entry per line, as the data-keys file holds them, around spaces and a final newline", () => {
    const parsed = parseDataKeys(` ${entry("k2")}\n${entry("k1")} ,\n`, "data/data-keys");
    expect(parsed.ok && parsed.ring.ids).toEqual(["k2", "k1"]);
  });

  it("never shows the key bytes when the ring is logged or inspected", () => {
    const parsed = parseDataKeys(entry("k1"), "CLEARHUB_DATA_KEYS");
    if (!parsed.ok) throw new Error(parsed.message);
    const secret = keyBytes("k1");
    for (const shown of [inspect(parsed.ring, { depth: 10 }), JSON.stringify(parsed.ring)]) {
      expect(shown).toContain("k1");
      expect(shown).not.toContain(secret.toString("base64"));
      expect(shown).not.toContain(secret.toString("hex"));
    }
  });

  const key31 = keyBytes("short").subarray(0, 31);
  const key33 = Buffer.concat([keyBytes("long"), Buffer.from([1])]);
  const refused: ReadonlyArray<readonly [string, string, DataKeyConfigError, string]> = [
    ["nothing", "", "data_keys_empty", "CLEARHUB_DATA_KEYS holds no key"],
    ["only separators", " , \n", "data_keys_empty", "CLEARHUB_DATA_KEYS holds no key"],
    [
      "an entry without a colon",
      keyBytes("k1").toString("base64"),
      "entry_malformed",
      "entry 1 is not of the form keyId:base64key",
    ],
    [
      "an empty key id",
      `:${keyBytes("k1").toString("base64")}`,
      "key_id_invalid",
      "entry 1: the key id must be",
    ],
    ["a key id with a dot", entry("k.1"), "key_id_invalid", "entry 1: the key id must be"],
    [
      "a key id of 33 characters",
      entry("k".repeat(33)),
      "key_id_invalid",
      "entry 1: the key id must be",
    ],
    [
      "a second entry with a bad id",
      `${entry("k2")},k 1:${keyBytes("k1").toString("base64")}`,
      "key_id_invalid",
      "entry 2",
    ],
    ["an empty key", "k1:", "key_not_base64", 'key "k1" is not base64'],
    [
      "base64url instead of base64",
      `k1:${keyBytes("k1").toString("base64url")}`,
      "key_not_base64",
      'key "k1" is not base64',
    ],
    [
      "missing padding",
      `k1:${keyBytes("k1").toString("base64").replace("=", "")}`,
      "key_not_base64",
      'key "k1" is not base64',
    ],
    [
      "a hex key",
      `k1:${keyBytes("k1").toString("hex")}`,
      "key_length_invalid",
      'key "k1" is 48 bytes',
    ],
    [
      "a 31-byte key",
      entry("k1", key31),
      "key_length_invalid",
      'key "k1" is 31 bytes; a data key is exactly 32 bytes',
    ],
    ["a 33-byte key", entry("k1", key33), "key_length_invalid", 'key "k1" is 33 bytes'],
    [
      "a duplicate key id",
      `${entry("k1")},${entry("k2")},${entry("k1", keyBytes("other"))}`,
      "key_id_duplicate",
      'key id "k1" appears twice',
    ],
  ];
  it.each(refused)("refuses %s with a message that says why", (_, text, code, message) => {
    const parsed = parseDataKeys(text, "CLEARHUB_DATA_KEYS");
    expect(parsed).toMatchObject({ ok: false, code });
    expect(!parsed.ok && parsed.message).toContain(message);
  });

  it(`refuses more than ${dataKeyCountMax} keys`, () => {
    const entries = Array.from({ length: dataKeyCountMax + 1 }, (_, index) => entry(`k${index}`));
    expect(parseDataKeys(entries.slice(1).join(","), "CLEARHUB_DATA_KEYS").ok).toBe(true);
    expect(parseDataKeys(entries.join(","), "CLEARHUB_DATA_KEYS")).toMatchObject({
      ok: false,
      code: "data_keys_too_many",
    });
  });

  it("never quotes key material in a message, even when a key stands where an id should", () => {
    const key = keyBytes("k1").toString("base64");
    const attempts = [`${key}:k1`, key, `k1:${key}x`, `k1:${key.slice(0, 40)}`, `k 1:${key}`];
    for (const text of attempts) {
      const parsed = parseDataKeys(text, "CLEARHUB_DATA_KEYS");
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.message).not.toContain(key.slice(0, 16));
    }
  });
});
