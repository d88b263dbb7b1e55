/**
 * Random damage to valid payloads: the decoder never throws, and answers either a listed
 * problem or a code that keeps the rules (an amount exactly when dynamic, and so on). Half the
 * cases recompute the CRC, so the damage reaches the structure and field rules behind it.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { crc16CcittFalseHex } from "../../../src/domain/barcode/crc16-ccitt-false.ts";
import { parseEmvPayload } from "../../../src/domain/barcode/emv-payload.ts";
import {
  decodeMerchantPresentedCode,
  type MerchantPresentedCode,
} from "../../../src/domain/barcode/merchant-presented-code.ts";
import { encodeMerchantPresentedCode } from "../../../src/domain/barcode/merchant-presented-encoding.ts";
import { qrProblems } from "../../../src/domain/barcode/qr-problem.ts";
import { publishedPayloads } from "./published-payloads.ts";

function valid(result: ReturnType<typeof encodeMerchantPresentedCode>): string {
  if (!result.ok) throw new Error(result.problem);
  return result.payload;
}

const seeds = [
  valid(
    encodeMerchantPresentedCode({
      initiation: "static",
      acquirerId: "acquirer-a",
      merchantId: "M-0001",
      merchantCategoryCode: "5411",
      currency: "CNY",
      countryCode: "CN",
      merchantName: "Corner Grocery",
      merchantCity: "Shanghai",
      alternateLanguage: { language: "ZH", merchantName: "街角杂货店", merchantCity: "上海" },
    }),
  ),
  valid(
    encodeMerchantPresentedCode({
      initiation: "dynamic",
      acquirerId: "acquirer-b",
      merchantId: "shop-7",
      merchantCategoryCode: "5812",
      currency: "SGD",
      amount: "12.30",
      countryCode: "SG",
      merchantName: "Kopi Stall",
      merchantCity: "Singapore",
      reference: "ORDER-1",
      expiresAt: Date.UTC(2027, 0, 1),
    }),
  ),
  ...Object.values(publishedPayloads),
];

type Mutation =
  | { kind: "replace"; at: number; char: string }
  | { kind: "insert"; at: number; char: string }
  | { kind: "delete"; at: number }
  | { kind: "truncate"; at: number };

const characters = fc.constantFrom(..."0123456789ABCDEFabcdef.*- 北😀\u0000\u00ff");

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), char: characters }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), char: characters }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function mutate(payload: string, change: Mutation): string {
  const chars = Array.from(payload);
  const at = change.at % (chars.length + 1);
  if (change.kind === "replace") chars.splice(at, 1, change.char);
  if (change.kind === "insert") chars.splice(at, 0, change.char);
  if (change.kind === "delete") chars.splice(at, 1);
  if (change.kind === "truncate") chars.length = at;
  return chars.join("");
}

function withFreshCrc(payload: string): string {
  if (!/6304.{4}$/u.test(payload)) return payload;
  const body = Array.from(payload).slice(0, -4).join("");
  return body + crc16CcittFalseHex(body);
}

function keepsTheRules(code: MerchantPresentedCode): void {
  if (code.initiation === "dynamic") {
    expect(code.amount).toMatch(/^[0-9]+(\.[0-9]+)?$/);
    expect(code.amountMinor).toBeGreaterThan(0n);
    expect(code.reference).toBeDefined();
    expect(code.expiresAt).toBeTypeOf("number");
  } else {
    expect(code.amount).toBeUndefined();
    expect(code.expiresAt).toBeUndefined();
  }
  expect(code.merchantCategoryCode).toMatch(/^[0-9]{4}$/);
  expect(code.countryCode).toMatch(/^[A-Z]{2}$/);
  expect(Array.from(code.merchantName).length).toBeLessThanOrEqual(25);
  expect(Array.from(code.merchantCity).length).toBeLessThanOrEqual(15);
}

it("never throws on damaged payloads and answers a listed problem or a valid code", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...seeds),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      (seed, changes, recomputeCrc) => {
        let payload = changes.reduce(mutate, seed);
        if (recomputeCrc) payload = withFreshCrc(payload);
        const generic = parseEmvPayload(payload);
        if (!generic.ok) expect(Object.keys(qrProblems)).toContain(generic.problem);
        const decoded = decodeMerchantPresentedCode(payload);
        if (decoded.ok) keepsTheRules(decoded.code);
        else expect(Object.keys(qrProblems)).toContain(decoded.problem);
      },
    ),
    { numRuns: 3000 },
  );
});

it("never throws on arbitrary text", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 600 }), (text) => {
      const decoded = decodeMerchantPresentedCode(text);
      if (!decoded.ok) expect(Object.keys(qrProblems)).toContain(decoded.problem);
    }),
    { numRuns: 2000 },
  );
});
