import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { type DataKeyConfigError, parseDataKeys } from "./data-key-config.ts";
import { generateDataKeyEntry } from "./data-key-entry.ts";
import type { DataKeyRing } from "./data-key-ring.ts";

export type DataKeyFileError = DataKeyConfigError | "file_permissions_too_open";

export type DataKeyFileResult =
  | {
      readonly ok: true;
      readonly ring: DataKeyRing;
      readonly path: string;
      readonly created: boolean;
    }
  | { readonly ok: false; readonly code: DataKeyFileError; readonly message: string };

export const dataKeyFileName = "data-keys";
/** Owner read and write only: the file is as secret as every sealed value in the database. */
export const dataKeyFileMode = 0o600;
const groupAndOtherBits = 0o077;
/** Windows has no POSIX modes to check or set; its ACLs are the operator's to manage. */
const posix = process.platform !== "win32";

/**
 * The key ring of a hub without `CLEARHUB_DATA_KEYS`: the file `data-keys` in the data
 * directory, created with one new key on first start. This serves one node with its embedded
 * store; nodes sharing a database must share a ring, which only the variable gives them.
 * A file others can read is refused, as ssh refuses such a private key.
 */
export function loadOrCreateDataKeyFile(dataDir: string, now: Date): DataKeyFileResult {
  const path = join(dataDir, dataKeyFileName);
  let created = false;
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    created = createDataKeyFile(dataDir, path, now);
  }
  // Read back even when just written: what the next start will read is what this start uses.
  const mode = statSync(path).mode & 0o777;
  if (posix && (mode & groupAndOtherBits) !== 0) {
    return {
      ok: false,
      code: "file_permissions_too_open",
      message: `${path} is open to other users (mode ${mode.toString(8).padStart(4, "0")}); run: chmod 600 ${path}`,
    };
  }
  const parsed = parseDataKeys(readFileSync(path, "utf8"), path);
  return parsed.ok ? { ok: true, ring: parsed.ring, path, created } : parsed;
}

/**
 * Writes the new file whole under a temporary name, then links it into place: two hubs starting
 * at once in the same directory cannot both create it, and neither reads a half-written file.
 * The file and the directory entry are flushed before any value is sealed under the key, so a
 * power loss cannot keep sealed rows and lose their key. False if another process won.
 */
function createDataKeyFile(dataDir: string, path: string, now: Date): boolean {
  const temporary = join(dataDir, `.${dataKeyFileName}.${randomBytes(6).toString("hex")}.tmp`);
  // The umask can only take bits away from 0600, so no umask makes the file readable by others.
  const descriptor = openSync(temporary, "wx", dataKeyFileMode);
  try {
    writeSync(descriptor, `${generateDataKeyEntry(now).entry}\n`);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    unlinkSync(temporary);
  }
  flushDirectory(dataDir);
  return true;
}

function flushDirectory(directory: string): void {
  if (!posix) return;
  const descriptor = openSync(directory, "r");
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
