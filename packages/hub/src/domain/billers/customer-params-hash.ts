import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * The presentment cache's name for one customer at one biller: the SHA-256 of the customer
 * parameters in canonical JSON (RFC 8785), so the same customer is one entry whatever the key
 * order a channel sends, and no customer number appears in a cache key.
 */
export function customerParamsHash(params: Readonly<Record<string, string>>): string {
  const canonical = canonicalize(params);
  if (canonical === undefined) throw new Error("customer parameters cannot be canonicalised");
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
