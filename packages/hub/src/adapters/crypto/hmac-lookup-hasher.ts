import { createHmac, createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import type { LookupHasher } from "../../app/ports/lookup-hasher.ts";
import type { DataKey, DataKeyRing } from "./data-key-ring.ts";

/** Names the derived key, so it is never the AES key that seals fields, used for a second job. */
const derivationInfo = "clearhub lookup hash v1";
const derivedKeyBytes = 32;

/**
 * HMAC-SHA-256 under a key derived (HKDF-SHA-256) from each data key of the ring, written
 * `<keyId>.<base64url digest>`: a stored hash names the key it was made with, so rotating the
 * ring keeps old rows findable (`candidates`) while new rows use the current key. The purpose
 * and the text are joined by a NUL, which neither holds (both are storable text).
 */
export class HmacLookupHasher implements LookupHasher {
  private readonly derived = new Map<string, KeyObject>();

  constructor(private readonly ring: DataKeyRing) {}

  hash(text: string, purpose: string): string {
    return this.hashUnder(this.ring.current, text, purpose);
  }

  candidates(text: string, purpose: string): readonly string[] {
    return this.ring.ids.map((id) => {
      const key = this.ring.find(id);
      if (key === undefined) throw new Error(`key ring lists ${id} but lacks it`);
      return this.hashUnder(key, text, purpose);
    });
  }

  private hashUnder(key: DataKey, text: string, purpose: string): string {
    const digest = createHmac("sha256", this.keyFor(key))
      .update(`${purpose}\u0000${text}`, "utf8")
      .digest("base64url");
    return `${key.id}.${digest}`;
  }

  private keyFor(key: DataKey): KeyObject {
    let derived = this.derived.get(key.id);
    if (derived === undefined) {
      // A KeyObject, as the data keys are: inspecting it by mistake prints no bytes.
      derived = createSecretKey(
        Buffer.from(
          hkdfSync("sha256", key.secret, Buffer.alloc(0), derivationInfo, derivedKeyBytes),
        ),
      );
      this.derived.set(key.id, derived);
    }
    return derived;
  }
}
