import { randomBytes } from "node:crypto";
import { dataKeyBytes } from "./data-key-ring.ts";

export interface DataKeyEntry {
  readonly keyId: string;
  /** `keyId:base64key`, as `CLEARHUB_DATA_KEYS` and the data-keys file hold it. */
  readonly entry: string;
}

/** Random bits in a generated key id, so two nodes that each made their own key never share an id. */
const keyIdRandomBytes = 3;

/**
 * A new data key and its id, `dk-<yyyymmdd>-<6 hex>`: the date says how old a key is when its
 * turn to retire comes. Randomness is a parameter so the entry is a function of its inputs.
 */
export function generateDataKeyEntry(
  now: Date,
  random: (size: number) => Uint8Array = randomBytes,
): DataKeyEntry {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  const keyId = `dk-${day}-${Buffer.from(random(keyIdRandomBytes)).toString("hex")}`;
  return { keyId, entry: formatDataKeyEntry(keyId, random(dataKeyBytes)) };
}

export function formatDataKeyEntry(keyId: string, key: Uint8Array): string {
  return `${keyId}:${Buffer.from(key).toString("base64")}`;
}
