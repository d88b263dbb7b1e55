import { type DataKeyConfigError, dataKeysVariable, parseDataKeys } from "./data-key-config.ts";
import { type DataKeyFileError, loadOrCreateDataKeyFile } from "./data-key-file.ts";
import type { DataKeyRing } from "./data-key-ring.ts";

export interface DataKeyRingConfig {
  /** The value of `CLEARHUB_DATA_KEYS`; unset or empty falls back to the data-keys file. */
  readonly dataKeys?: string | undefined;
  /** Where the data-keys file lives; the SQLite file's directory, `data` unless told. */
  readonly dataDir?: string | undefined;
}

export type DataKeyRingLoadResult =
  | {
      readonly ok: true;
      readonly ring: DataKeyRing;
      /** For the start banner: `CLEARHUB_DATA_KEYS` or the file's path. */
      readonly origin: string;
      /** True when this start created the data-keys file. */
      readonly created: boolean;
    }
  | {
      readonly ok: false;
      readonly code: DataKeyConfigError | DataKeyFileError;
      readonly message: string;
    };

/** The hub's key ring: from `CLEARHUB_DATA_KEYS` when set, else from (or into) the data-keys file. */
export function loadDataKeyRing(config: DataKeyRingConfig, now: Date): DataKeyRingLoadResult {
  if (config.dataKeys !== undefined && config.dataKeys !== "") {
    const parsed = parseDataKeys(config.dataKeys, dataKeysVariable);
    return parsed.ok
      ? { ok: true, ring: parsed.ring, origin: dataKeysVariable, created: false }
      : parsed;
  }
  const loaded = loadOrCreateDataKeyFile(config.dataDir ?? "data", now);
  return loaded.ok
    ? { ok: true, ring: loaded.ring, origin: loaded.path, created: loaded.created }
    : loaded;
}
