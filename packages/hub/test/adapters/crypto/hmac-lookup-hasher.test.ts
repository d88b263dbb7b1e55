import { describe, expect, it } from "vitest";
import { dataKey, dataKeyRing } from "../../../src/adapters/crypto/data-key-ring.ts";
import { HmacLookupHasher } from "../../../src/adapters/crypto/hmac-lookup-hasher.ts";
import {
  billCustomerLookup,
  billCustomerLookupPurpose,
} from "../../../src/app/billers/bill-subscription-service.ts";
import { canonicalCustomer } from "../../../src/domain/billers/customer-parameters.ts";

const keyA = dataKey(
  "k-2026",
  Uint8Array.from({ length: 32 }, (_, i) => i),
);
const keyB = dataKey(
  "k-2027",
  Uint8Array.from({ length: 32 }, (_, i) => 255 - i),
);
const customer = canonicalCustomer("water-co", { accountNumber: "4401234567" });

describe("HmacLookupHasher", () => {
  it("matches the known answer: HMAC-SHA-256 under the HKDF-derived key, named by key id", () => {
    // Computed apart from this code (Python's hmac and hashlib): HKDF-SHA-256 with an empty
    // salt and info "clearhub lookup hash v1" over bytes 0..31, then HMAC of purpose NUL text.
    const hasher = new HmacLookupHasher(dataKeyRing([keyA]));
    expect(hasher.hash(customer, billCustomerLookupPurpose)).toBe(
      "k-2026.Veop6FIHzuMg56PYQmDOa5uP1khCBQa4emM8ushJqtg",
    );
  });

  it("gives the same customer one hash whatever the order of its parameters", () => {
    const hasher = new HmacLookupHasher(dataKeyRing([keyA]));
    const one = billCustomerLookup(hasher, "gas-co", { account: "1", district: "7" });
    expect(billCustomerLookup(hasher, "gas-co", { district: "7", account: "1" })).toEqual(one);
    expect(billCustomerLookup(hasher, "gas-co", { account: "1", district: "8" })).not.toEqual(one);
    expect(billCustomerLookup(hasher, "water-co", { account: "1", district: "7" })).not.toEqual(
      one,
    );
  });

  it("separates purposes, and finds rows hashed before a key rotation", () => {
    const before = new HmacLookupHasher(dataKeyRing([keyA]));
    const after = new HmacLookupHasher(dataKeyRing([keyB, keyA]));
    const stored = before.hash(customer, billCustomerLookupPurpose);
    expect(before.hash(customer, "another.purpose")).not.toBe(stored);
    const candidates = after.candidates(customer, billCustomerLookupPurpose);
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toBe(after.hash(customer, billCustomerLookupPurpose));
    expect(candidates[0]?.startsWith("k-2027.")).toBe(true);
    expect(candidates[1]).toBe(stored);
  });
});
