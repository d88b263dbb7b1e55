/**
 * The exactness rules: fixed cases for each rule, then properties that hold for any bill. The
 * rules nest (exact ⊂ exact_or_more, exact_or_less ⊂ any), every allowed set is an interval of
 * positive amounts, and a bill's own minimum and maximum only ever narrow it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AmountExactness,
  amountAllowed,
  amountExactnessRules,
  checkAmount,
} from "../../../src/domain/billers/amount-exactness.ts";

const amount = fc.bigInt({ min: -1_000n, max: 1_000_000n });
const bound = fc.option(fc.bigInt({ min: 1n, max: 1_000_000n }), { nil: null });
const due = fc.option(fc.bigInt({ min: 0n, max: 1_000_000n }), { nil: null });

describe("amount exactness", () => {
  it("answers each rule's cases with its code", () => {
    expect(checkAmount("exact", 100n, null, null, 100n)).toBe("ok");
    expect(checkAmount("exact", 100n, null, null, 101n)).toBe("amount_not_exact");
    expect(checkAmount("exact_or_more", 100n, null, null, 99n)).toBe("amount_below_due");
    expect(checkAmount("exact_or_more", 100n, null, 150n, 151n)).toBe("amount_above_maximum");
    expect(checkAmount("exact_or_less", 100n, null, null, 101n)).toBe("amount_above_due");
    expect(checkAmount("exact_or_less", 100n, 50n, null, 49n)).toBe("amount_below_minimum");
    expect(checkAmount("exact_or_less", 100n, 50n, null, 50n)).toBe("ok");
    expect(checkAmount("any", null, null, null, 1n)).toBe("ok");
    expect(checkAmount("any", 100n, null, null, 0n)).toBe("amount_not_positive");
    expect(checkAmount("exact", null, null, null, 100n)).toBe("amount_due_unknown");
  });

  it("never allows an amount that is not positive", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...amountExactnessRules),
        due,
        bound,
        bound,
        (rule, d, min, max) => {
          expect(amountAllowed(rule, d, min, max, 0n)).toBe(false);
          expect(amountAllowed(rule, d, min, max, -1n)).toBe(false);
        },
      ),
    );
  });

  it("allows under `exact` only the amount due", () => {
    fc.assert(
      fc.property(due, amount, (d, a) => {
        expect(amountAllowed("exact", d, null, null, a)).toBe(d !== null && d > 0n && a === d);
      }),
    );
  });

  it("nests the rules: exact ⇒ exact_or_more and exact_or_less ⇒ any", () => {
    fc.assert(
      fc.property(due, bound, bound, amount, (d, min, max, a) => {
        const allowed = (rule: AmountExactness) => amountAllowed(rule, d, min, max, a);
        if (allowed("exact")) {
          expect(allowed("exact_or_more")).toBe(true);
          expect(allowed("exact_or_less")).toBe(true);
        }
        if (allowed("exact_or_more") || allowed("exact_or_less")) expect(allowed("any")).toBe(true);
      }),
    );
  });

  it("allows an interval: an amount between two allowed ones is allowed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...amountExactnessRules),
        due,
        bound,
        bound,
        fc.array(amount, { minLength: 3, maxLength: 3 }),
        (rule, d, min, max, three) => {
          const [low, middle, high] = [...three].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
          if (low === undefined || middle === undefined || high === undefined) return;
          const allowed = (a: bigint) => amountAllowed(rule, d, min, max, a);
          if (allowed(low) && allowed(high)) expect(allowed(middle)).toBe(true);
        },
      ),
    );
  });

  it("narrows with the bill's minimum and maximum, never widens", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...amountExactnessRules),
        due,
        bound,
        bound,
        amount,
        (rule, d, min, max, a) => {
          if (amountAllowed(rule, d, min, max, a)) {
            expect(amountAllowed(rule, d, null, null, a)).toBe(true);
            if (min !== null) expect(a >= min).toBe(true);
            if (max !== null) expect(a <= max).toBe(true);
          }
        },
      ),
    );
  });

  it("compares with the amount due under every rule but `any`", () => {
    fc.assert(
      fc.property(fc.constantFrom(...amountExactnessRules), amount, (rule, a) => {
        const code = checkAmount(rule, null, null, null, a);
        if (a <= 0n) expect(code).toBe("amount_not_positive");
        else expect(code).toBe(rule === "any" ? "ok" : "amount_due_unknown");
      }),
    );
  });
});
