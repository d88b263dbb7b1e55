import { describe, expect, it } from "vitest";
import { parseDataKeys } from "../../../src/adapters/crypto/data-key-config.ts";
import { generateDataKeyEntry } from "../../../src/adapters/crypto/data-key-entry.ts";

const now = new Date("2026-01-22T10:00:00Z");

describe("generateDataKeyEntry", () => {
  it("makes an entry the configuration accepts, under an id dated today", () => {
    const generated = generateDataKeyEntry(now);
    expect(generated.keyId).toMatch(/^dk-20260122-[0-9a-f]{6}$/);
    const parsed = parseDataKeys(generated.entry, "CLEARHUB_DATA_KEYS");
    expect(parsed.ok && parsed.ring.current.id).toBe(generated.keyId);
    expect(parsed.ok && parsed.ring.current.secret.symmetricKeySize).toBe(32);
  });

  it("is a function of the clock and the random source", () => {
    const counting = (size: number) => Uint8Array.from({ length: size }, (_, index) => index);
    const generated = generateDataKeyEntry(now, counting);
    expect(generated).toEqual({
      keyId: "dk-20260122-000102",
      entry: `dk-20260122-000102:${Buffer.from(counting(32)).toString("base64")}`,
    });
  });

  it("draws a new key and id each time", () => {
    const first = generateDataKeyEntry(now);
    const second = generateDataKeyEntry(now);
    expect(second.keyId).not.toBe(first.keyId);
    expect(second.entry.split(":")[1]).not.toBe(first.entry.split(":")[1]);
  });
});
