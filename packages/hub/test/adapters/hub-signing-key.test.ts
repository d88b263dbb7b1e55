import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  generateHubSigningKeyPem,
  hubSigningKeyFileName,
  hubSigningKeyFromPem,
  loadHubSigningKey,
} from "../../src/adapters/signing/hub-signing-key.ts";
import { jwkThumbprint } from "../../src/adapters/signing/jwk-thumbprint.ts";

const directories: string[] = [];

afterEach(async () => {
  for (const directory of directories.splice(0))
    await rm(directory, { recursive: true, force: true });
});

async function freshDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "clearhub-key-"));
  directories.push(directory);
  return directory;
}

describe("hub signing key", () => {
  it("names a key by its RFC 7638 thumbprint (the RFC 8037 example)", () => {
    const x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    expect(jwkThumbprint({ kty: "OKP", crv: "Ed25519", x })).toBe(
      "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k",
    );
  });

  it("takes the configured PEM before any file", async () => {
    const pem = generateHubSigningKeyPem();
    const dataDir = await freshDirectory();
    const loaded = await loadHubSigningKey({ pem, dataDir });
    expect(loaded.source).toBe("environment");
    expect(loaded.key).toEqual(hubSigningKeyFromPem(pem));
    await expect(stat(join(dataDir, hubSigningKeyFileName))).rejects.toThrow(/ENOENT/);
  });

  it("refuses a PEM that is not an Ed25519 private key, without quoting it", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    expect(() => hubSigningKeyFromPem(rsa.toString())).toThrow(/must be Ed25519, not rsa/);
    const secretLooking = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----";
    expect(() => hubSigningKeyFromPem(secretLooking)).toThrow(
      "the hub signing key is not a PKCS#8 PEM private key",
    );
  });

  it("generates a key into the data directory once, readable by its owner only, and reuses it", async () => {
    const dataDir = join(await freshDirectory(), "not-yet-created");
    const first = await loadHubSigningKey({ dataDir });
    const file = join(dataDir, hubSigningKeyFileName);
    expect(first).toMatchObject({ source: "data directory", file });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, "utf8")).startsWith("-----BEGIN PRIVATE KEY-----")).toBe(true);
    const second = await loadHubSigningKey({ dataDir });
    expect(second.key.keyId).toBe(first.key.keyId);
  });

  it("gives processes starting together on a fresh directory one key", async () => {
    const dataDir = await freshDirectory();
    const loaded = await Promise.all(
      Array.from({ length: 8 }, () => loadHubSigningKey({ dataDir })),
    );
    expect(new Set(loaded.map((entry) => entry.key.keyId)).size).toBe(1);
  });

  it("makes a key of this process only when it has neither PEM nor directory", async () => {
    const a = await loadHubSigningKey({});
    const b = await loadHubSigningKey({});
    expect(a.source).toBe("this process only");
    expect(a.key.keyId).not.toBe(b.key.keyId);
  });
});
