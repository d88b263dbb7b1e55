import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { FieldOpenResult, FieldSealer } from "../../app/ports/field-sealer.ts";
import type { DataKey, DataKeyRing } from "./data-key-ring.ts";
import {
  decodeSealedField,
  encodeSealedField,
  type SealedField,
  sealedFieldHeader,
  sealedIvBytes,
  sealedTagBytes,
} from "./sealed-field-format.ts";

const algorithm = "aes-256-gcm";

/**
 * AES-256-GCM over a key ring, with node:crypto only. Each seal draws a fresh random 96-bit IV,
 * so sealing the same text twice gives two unrelated values. The additional authenticated data
 * is the sealed header (format version and key id) followed by the context: a value moved to
 * another row, or relabelled with another key id, fails its tag check instead of opening.
 */
export class AesGcmFieldSealer implements FieldSealer {
  constructor(private readonly ring: DataKeyRing) {}

  seal(plaintext: string, context: string): string {
    const key = this.ring.current;
    const iv = randomBytes(sealedIvBytes);
    const cipher = createCipheriv(algorithm, key.secret, iv, { authTagLength: sealedTagBytes });
    cipher.setAAD(additionalData(key.id, context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const body = Buffer.concat([ciphertext, cipher.getAuthTag()]);
    return encodeSealedField({ keyId: key.id, iv, body });
  }

  open(sealed: string, context: string): FieldOpenResult {
    const decoded = decodeSealedField(sealed);
    if (!decoded.ok) return decoded;
    const key = this.ring.find(decoded.field.keyId);
    if (key === undefined) return { ok: false, code: "key_unknown" };
    const plaintext = decrypt(key, decoded.field, context);
    if (plaintext === undefined) return { ok: false, code: "authentication_failed" };
    return { ok: true, plaintext };
  }
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${sealedFieldHeader(keyId)}${context}`, "utf8");
}

/** The plaintext, or undefined when the tag does not match (the only way `final` throws here). */
function decrypt(key: DataKey, field: SealedField, context: string): string | undefined {
  const tagAt = field.body.length - sealedTagBytes;
  const decipher = createDecipheriv(algorithm, key.secret, field.iv, {
    authTagLength: sealedTagBytes,
  });
  decipher.setAAD(additionalData(key.id, context));
  decipher.setAuthTag(field.body.subarray(tagAt));
  // `update` hands out unauthenticated bytes; they are used only once `final` has checked the tag.
  const head = decipher.update(field.body.subarray(0, tagAt));
  try {
    return Buffer.concat([head, decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
