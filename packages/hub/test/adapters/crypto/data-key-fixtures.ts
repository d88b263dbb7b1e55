import { createHash } from "node:crypto";
import { type DataKey, dataKey } from "../../../src/adapters/crypto/data-key-ring.ts";

/** 32 bytes derived from a label, so each test key is fixed and different from the others. */
export function keyBytes(label: string): Buffer {
  return createHash("sha256").update(label).digest();
}

export function testKey(id: string, label: string = id): DataKey {
  return dataKey(id, keyBytes(label));
}

export function entry(id: string, bytes: Buffer = keyBytes(id)): string {
  return `${id}:${bytes.toString("base64")}`;
}
