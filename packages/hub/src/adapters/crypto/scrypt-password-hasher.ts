import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { PasswordHasher } from "../../app/ports/password-hasher.ts";

export interface ScryptParameters {
  /** CPU and memory cost, a power of two. */
  readonly cost: number;
  readonly blockSize: number;
  readonly parallelization: number;
}

/**
 * OWASP's Password Storage Cheat Sheet lists N=2^17, r=8, p=1 and equally strong trades of
 * memory for passes; N=2^15, r=8, p=3 is one of them. It needs 32 MiB per hash (128·N·r bytes)
 * instead of 128 MiB, so four logins at once (libuv's thread pool) stay within 128 MiB on a small
 * node, and an attacker with stolen hashes still pays the same work per guess. About 0.3-1 s on a
 * shared two-core machine: once per login, never per request (sessions and tokens carry on).
 */
export const scryptParametersDefault: ScryptParameters = {
  cost: 2 ** 15,
  blockSize: 8,
  parallelization: 3,
};

const saltBytes = 16;
const keyBytes = 32;
const formatTag = "scrypt";

/**
 * Hashes as `scrypt$N$r$p$salt$key` (base64url), so the parameters can be raised later and old
 * hashes still verify with the parameters they were made with.
 */
export class ScryptPasswordHasher implements PasswordHasher {
  constructor(private readonly parameters: ScryptParameters = scryptParametersDefault) {}

  async hash(password: string): Promise<string> {
    const { cost, blockSize, parallelization } = this.parameters;
    const salt = randomBytes(saltBytes);
    const key = await derive(password, salt, this.parameters);
    return [
      formatTag,
      cost,
      blockSize,
      parallelization,
      salt.toString("base64url"),
      key.toString("base64url"),
    ].join("$");
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split("$");
    if (parts.length !== 6 || parts[0] !== formatTag) return false;
    const [cost, blockSize, parallelization] = parts.slice(1, 4).map(Number);
    const salt = Buffer.from(parts[4] ?? "", "base64url");
    const expected = Buffer.from(parts[5] ?? "", "base64url");
    if (cost === undefined || blockSize === undefined || parallelization === undefined)
      return false;
    const key = await derive(password, salt, { cost, blockSize, parallelization });
    return key.length === expected.length && timingSafeEqual(key, expected);
  }
}

function derive(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const { cost, blockSize, parallelization } = parameters;
  // Node refuses to use more than maxmem: allow twice what these parameters need.
  const maxmem = 2 * 128 * cost * blockSize + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      keyBytes,
      { N: cost, r: blockSize, p: parallelization, maxmem },
      (error, key) => (error === null ? resolve(key) : reject(error)),
    );
  });
}
