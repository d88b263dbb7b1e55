/**
 * The routing table's rules: two prefixes overlap exactly when one starts the other; a table
 * built by refusing overlaps routes every number to at most one entry, the one whose prefix it
 * starts with, whatever order the table is in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CodePrefixEntry,
  isCodePrefix,
  overlappingEntry,
  prefixesOverlap,
  routeByPrefix,
} from "../../../src/domain/barcode/code-prefix.ts";

const digits = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength, maxLength });
const prefix = digits(2, 10);

function entry(prefixText: string, issuerId = "wallet-alpha"): CodePrefixEntry {
  return { prefix: prefixText, issuerId, instrument: "payment_code", createdAt: 0 };
}

/** Adds each candidate the overlap check lets in, as the table's store does. */
function tableOf(candidates: readonly string[]): CodePrefixEntry[] {
  const table: CodePrefixEntry[] = [];
  for (const [index, candidate] of candidates.entries()) {
    if (overlappingEntry(table, candidate) === undefined) {
      table.push(entry(candidate, `issuer-${index}`));
    }
  }
  return table;
}

describe("code prefixes", () => {
  it("are 2 to 10 digits", () => {
    expect(["62", "6201", "1234567890"].every(isCodePrefix)).toBe(true);
    expect(["6", "12345678901", "62a", "", " 62", "６２"].some(isCodePrefix)).toBe(false);
  });

  it("overlap when one starts the other, or they are equal", () => {
    expect(prefixesOverlap("62", "6201")).toBe(true);
    expect(prefixesOverlap("6201", "62")).toBe(true);
    expect(prefixesOverlap("62", "62")).toBe(true);
    expect(prefixesOverlap("62", "63")).toBe(false);
    expect(prefixesOverlap("6201", "6210")).toBe(false);
  });

  it("overlap exactly when some number would start with both", () => {
    fc.assert(
      fc.property(prefix, prefix, digits(0, 12), (a, b, tail) => {
        const longer = a.length >= b.length ? a : b;
        const number = `${longer}${tail}`;
        const both = number.startsWith(a) && number.startsWith(b);
        expect(prefixesOverlap(a, b)).toBe(both);
      }),
    );
  });

  it("routes a number to the one entry whose prefix it starts with", () => {
    const table = [entry("62", "wallet-alpha"), entry("6301", "card-issuer")];
    expect(routeByPrefix(table, "6212345678901234")?.issuerId).toBe("wallet-alpha");
    expect(routeByPrefix(table, "630100001111")?.issuerId).toBe("card-issuer");
    expect(routeByPrefix(table, "6302000011112222")).toBeUndefined();
    // The prefix alone names no customer; letters or blanks are no number.
    expect(routeByPrefix(table, "62")).toBeUndefined();
    expect(routeByPrefix(table, "62 123")).toBeUndefined();
    expect(routeByPrefix(table, "62abc")).toBeUndefined();
    expect(routeByPrefix(table, `62${"1".repeat(40)}`)).toBeUndefined();
    expect(routeByPrefix([], "6212345")).toBeUndefined();
  });

  it("keep a table with no overlaps whatever is offered, so routing is unambiguous", () => {
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 30 }), digits(1, 19), (candidates, number) => {
        const table = tableOf(candidates);
        for (const [i, a] of table.entries()) {
          for (const b of table.slice(i + 1))
            expect(prefixesOverlap(a.prefix, b.prefix)).toBe(false);
        }
        const matches = table.filter(
          (e) => number.length > e.prefix.length && number.startsWith(e.prefix),
        );
        expect(matches.length).toBeLessThanOrEqual(1);
        expect(routeByPrefix(table, number)).toBe(matches[0]);
        // The order the table is read in does not change where a number goes.
        expect(routeByPrefix([...table].reverse(), number)).toBe(matches[0]);
      }),
    );
  });

  it("route every number extending an assigned prefix to that entry", () => {
    fc.assert(
      fc.property(
        fc.array(prefix, { minLength: 1, maxLength: 20 }),
        digits(1, 9),
        (candidates, tail) => {
          const table = tableOf(candidates);
          for (const assigned of table) {
            expect(routeByPrefix(table, `${assigned.prefix}${tail}`)).toBe(assigned);
          }
        },
      ),
    );
  });
});
