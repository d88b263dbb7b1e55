import {
  type DataKey,
  type DataKeyRing,
  dataKey,
  dataKeyBytes,
  dataKeyIdPattern,
  dataKeyRing,
} from "./data-key-ring.ts";

export type DataKeyConfigError =
  | "data_keys_empty"
  | "data_keys_too_many"
  | "entry_malformed"
  | "key_id_invalid"
  | "key_not_base64"
  | "key_length_invalid"
  | "key_id_duplicate";

export type DataKeyConfigResult =
  | { readonly ok: true; readonly ring: DataKeyRing }
  | { readonly ok: false; readonly code: DataKeyConfigError; readonly message: string };

/** The environment variable that holds the ring; every hub node sharing a database sets the same. */
export const dataKeysVariable = "CLEARHUB_DATA_KEYS";
/** A ring longer than this means old keys were never retired; it is refused rather than tried key by key. */
export const dataKeyCountMax = 32;

const entrySeparator = /[,\n]/;
const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;
const generateHint = "generate one with: clearhub keys generate-data-key";

/**
 * Reads a key ring written as `keyId:base64key` entries separated by commas or newlines, the
 * first being the current key: `CLEARHUB_DATA_KEYS` or the data-keys file. `source` names where
 * the text came from in messages. Messages quote key ids only once they are known to be ids,
 * never a key or text that might be one (a key pasted in place of an id, for instance).
 */
export function parseDataKeys(text: string, source: string): DataKeyConfigResult {
  const entries = text
    .split(entrySeparator)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) {
    return refuse(
      "data_keys_empty",
      `${source} holds no key; expected keyId:base64key entries (${generateHint})`,
    );
  }
  if (entries.length > dataKeyCountMax) {
    return refuse(
      "data_keys_too_many",
      `${source} holds ${entries.length} keys; at most ${dataKeyCountMax} (retire keys no row is sealed under)`,
    );
  }
  const keys: DataKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const parsed = parseEntry(entry, `${source}, entry ${index + 1}`);
    if (!parsed.ok) return parsed;
    if (keys.some((key) => key.id === parsed.key.id)) {
      return refuse("key_id_duplicate", `${source}: key id "${parsed.key.id}" appears twice`);
    }
    keys.push(parsed.key);
  }
  // Not empty: an empty list was refused above.
  return { ok: true, ring: dataKeyRing(keys as [DataKey, ...DataKey[]]) };
}

type EntryResult =
  | { readonly ok: true; readonly key: DataKey }
  | { readonly ok: false; readonly code: DataKeyConfigError; readonly message: string };

function parseEntry(entry: string, where: string): EntryResult {
  const colon = entry.indexOf(":");
  if (colon < 0) return refuse("entry_malformed", `${where} is not of the form keyId:base64key`);
  const id = entry.slice(0, colon);
  if (!dataKeyIdPattern.test(id)) {
    return refuse(
      "key_id_invalid",
      `${where}: the key id must be 1 to 32 letters, digits, '_' or '-'`,
    );
  }
  const bytes = strictBase64(entry.slice(colon + 1));
  if (bytes === undefined) return refuse("key_not_base64", `${where}: key "${id}" is not base64`);
  if (bytes.length !== dataKeyBytes) {
    return refuse(
      "key_length_invalid",
      `${where}: key "${id}" is ${bytes.length} bytes; a data key is exactly ${dataKeyBytes} bytes (${generateHint})`,
    );
  }
  return { ok: true, key: dataKey(id, bytes) };
}

/** Only text that encodes back to itself: Node's decoder would skip stray characters silently. */
function strictBase64(text: string): Buffer | undefined {
  if (!base64Pattern.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : undefined;
}

function refuse(code: DataKeyConfigError, message: string) {
  return { ok: false, code, message } as const;
}
