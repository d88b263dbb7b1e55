import { AesGcmFieldSealer } from "../adapters/crypto/aes-gcm-field-sealer.ts";
import { loadDataKeyRing } from "../adapters/crypto/data-key-ring-source.ts";
import { HmacLookupHasher } from "../adapters/crypto/hmac-lookup-hasher.ts";
import {
  type LoadedHubSigningKey,
  loadHubSigningKey,
} from "../adapters/signing/hub-signing-key.ts";
import { sqliteDataDirDefault } from "../adapters/store/database.ts";
import type { HubPublicKey } from "../app/participants/hub-public-key.ts";
import type { FieldSealer } from "../app/ports/field-sealer.ts";
import type { LookupHasher } from "../app/ports/lookup-hasher.ts";
import type { HubConfig } from "./hub-config.ts";

export interface SecretParts {
  /** Seals sensitive numbers before they are stored; opens them to mask them. */
  readonly fieldSealer: FieldSealer;
  /** Keyed hashes of sealed values, from the same key ring, to find rows without opening them. */
  readonly lookupHasher: LookupHasher;
  /** Where the key ring came from: `CLEARHUB_DATA_KEYS` or the data-keys file's path. */
  readonly dataKeysOrigin: string;
  /** The key webhooks are signed with, and where it came from. */
  readonly hubSigningKey: LoadedHubSigningKey;
  /** Its public half, which the hub publishes for receivers to verify with. */
  readonly hubPublicKey: HubPublicKey;
}

/**
 * The data key ring and the hub's signing key, read before the database is opened: a wrong
 * key ring or a malformed key setting stops the start with nothing touched.
 */
export async function loadSecrets(config: HubConfig): Promise<SecretParts> {
  const keyRing = loadDataKeyRing(
    { dataKeys: config.dataKeys, dataDir: config.dataDir },
    new Date(),
  );
  if (!keyRing.ok) throw new Error(keyRing.message);
  const hubSigningKey = await loadHubSigningKey({
    pem: config.hubSigningKey,
    dataDir: config.databaseUrl ? config.dataDir : (config.dataDir ?? sqliteDataDirDefault),
  });
  return {
    fieldSealer: new AesGcmFieldSealer(keyRing.ring),
    lookupHasher: new HmacLookupHasher(keyRing.ring),
    dataKeysOrigin: keyRing.origin,
    hubSigningKey,
    hubPublicKey: { keyId: hubSigningKey.key.keyId, publicJwk: hubSigningKey.key.publicJwk },
  };
}
