import type { FieldOpenError } from "../../app/ports/field-sealer.ts";
import { AesGcmFieldSealer } from "./aes-gcm-field-sealer.ts";
import type { DataKeyRing } from "./data-key-ring.ts";
import { decodeSealedField } from "./sealed-field-format.ts";

export type RewrapResult =
  | { readonly ok: true; readonly sealed: string; readonly rewrapped: boolean }
  | { readonly ok: false; readonly code: FieldOpenError };

/**
 * Moves one sealed value onto the ring's current key: a value sealed under an older key comes
 * back sealed under the current one (`rewrapped: true`); one already under the current key comes
 * back unchanged. Either way the value is opened first, so a pass over a table reports every
 * value that no longer opens instead of carrying it along. Once a pass has rewrapped every value
 * sealed under an old key, that key can leave the ring.
 */
export function rewrapSealedField(
  ring: DataKeyRing,
  sealed: string,
  context: string,
): RewrapResult {
  const sealer = new AesGcmFieldSealer(ring);
  const opened = sealer.open(sealed, context);
  if (!opened.ok) return opened;
  const decoded = decodeSealedField(sealed);
  if (decoded.ok && decoded.field.keyId === ring.current.id) {
    return { ok: true, sealed, rewrapped: false };
  }
  return { ok: true, sealed: sealer.seal(opened.plaintext, context), rewrapped: true };
}
