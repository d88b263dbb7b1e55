import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { type Ed25519PublicJwk, exportPublicKeyJwk } from "@clearhub/http-signatures";
import { jwkThumbprint } from "./jwk-thumbprint.ts";

/** The Ed25519 key the hub signs its webhooks with. */
export interface HubSigningKey {
  /** The RFC 7638 thumbprint of the public key: the `keyid` of every signature. */
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicJwk: Ed25519PublicJwk;
}

/** Where the key came from, for the start banner. */
export type HubSigningKeySource = "environment" | "data directory" | "this process only";

export interface LoadedHubSigningKey {
  readonly key: HubSigningKey;
  readonly source: HubSigningKeySource;
  /** The key file, when the key lives in the data directory. */
  readonly file?: string;
}

export interface HubSigningKeyConfig {
  /** A PKCS#8 PEM Ed25519 private key, as `openssl genpkey -algorithm ed25519` writes it. */
  readonly pem?: string | undefined;
  /** Without a PEM, the key is read from this directory, or generated into it on first start. */
  readonly dataDir?: string | undefined;
}

export const hubSigningKeyFileName = "hub-signing-key.pem";
/** Readable by the hub's user only: the key lets anyone sign webhooks as the hub. */
const keyFileMode = 0o600;

export function hubSigningKeyFromPem(pem: string): HubSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    // The parser's message may quote the input; the input is a secret.
    throw new Error("the hub signing key is not a PKCS#8 PEM private key");
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`the hub signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  }
  const publicJwk = exportPublicKeyJwk(privateKey);
  return { keyId: jwkThumbprint(publicJwk), privateKey, publicJwk };
}

export function generateHubSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/**
 * The key from the configured PEM; else from the data directory, generated there on the first
 * start; else (no directory, as in tests on PostgreSQL) a key of this process only. Hub nodes
 * that share a database must share the key through the PEM setting: each node's own directory
 * would give each node its own key.
 */
export async function loadHubSigningKey(config: HubSigningKeyConfig): Promise<LoadedHubSigningKey> {
  if (config.pem !== undefined && config.pem !== "") {
    return { key: hubSigningKeyFromPem(config.pem), source: "environment" };
  }
  if (config.dataDir === undefined) {
    return { key: hubSigningKeyFromPem(generateHubSigningKeyPem()), source: "this process only" };
  }
  const file = join(config.dataDir, hubSigningKeyFileName);
  const pem = await readOrCreateKeyFile(config.dataDir, file);
  return { key: hubSigningKeyFromPem(pem), source: "data directory", file };
}

async function readOrCreateKeyFile(dataDir: string, file: string): Promise<string> {
  const existing = await readIfExists(file);
  if (existing !== undefined) return existing;
  await mkdir(dataDir, { recursive: true });
  await publishOnce(file, generateHubSigningKeyPem());
  // Read back: a process starting at the same moment may have published its key first.
  const published = await readIfExists(file);
  if (published === undefined) throw new Error(`${file} vanished right after it was written`);
  return published;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Writes the key to a private temporary file, flushes it, then links it into place. `link`
 * fails when the name exists, so of two processes racing on a fresh directory one key wins
 * whole and neither ever reads a half-written file.
 */
async function publishOnce(file: string, pem: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temporary, "wx", keyFileMode);
  try {
    await handle.writeFile(pem, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temporary);
  }
}
