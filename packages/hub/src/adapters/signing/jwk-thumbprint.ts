import { createHash } from "node:crypto";
import type { Ed25519PublicJwk } from "@clearhub/http-signatures";

/**
 * The RFC 7638 thumbprint of an Ed25519 public JWK: SHA-256 over its required members (crv,
 * kty, x) in lexicographic order without whitespace, in unpadded base64url. Derived from the
 * key alone, so every hub node sharing a key names it alike without agreeing on anything.
 */
export function jwkThumbprint(jwk: Ed25519PublicJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash("sha256").update(canonical, "utf8").digest("base64url");
}
