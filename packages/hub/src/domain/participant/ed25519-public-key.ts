import { ed25519 } from "@noble/curves/ed25519.js";

/**
 * Checks that 32 bytes encode a usable Ed25519 public key (RFC 8032, section 5.1.3). Node's
 * crypto accepts any 32 bytes as a key; a string that is no point on the curve can never verify
 * a signature, and a point of small order lets a forger succeed without the private key under
 * lax verifiers. Refusing both at registration turns a silent failure into a clear error. The
 * curve arithmetic is @noble/curves', an audited implementation, not ours.
 */
export type Ed25519PublicKeyCheck = "ok" | "length_invalid" | "not_on_curve" | "small_order";

export const ed25519PublicKeyBytes = 32;

export function checkEd25519PublicKey(bytes: Uint8Array): Ed25519PublicKeyCheck {
  if (bytes.length !== ed25519PublicKeyBytes) return "length_invalid";
  let point: InstanceType<typeof ed25519.Point>;
  try {
    point = ed25519.Point.fromBytes(bytes);
  } catch {
    return "not_on_curve";
  }
  return point.isSmallOrder() ? "small_order" : "ok";
}
