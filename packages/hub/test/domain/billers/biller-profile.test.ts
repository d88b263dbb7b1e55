/**
 * A biller's profile as the operator sends it: a valid one becomes the stored fields, and
 * each refused field is named by its JSON pointer with its own code.
 */
import { describe, expect, it } from "vitest";
import {
  type BillerProfileInput,
  checkBillerProfile,
  directPayAllowed,
  raisesCapacity,
  sameProfileFields,
} from "../../../src/domain/billers/biller-profile.ts";
import { waterProfile } from "../../support/biller-profiles.ts";

function issuesOf(input: BillerProfileInput) {
  const checked = checkBillerProfile(input);
  return checked.ok ? [] : checked.issues;
}

describe("biller profile", () => {
  it("turns a valid profile into its fields, optional flags and patterns made explicit", () => {
    const checked = checkBillerProfile(waterProfile);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.fields.parameters[0]).toMatchObject({ optional: false, pattern: "[1-9][0-9]*" });
    expect(checked.fields.category).toBe("water");
  });

  it("names every refused field with its pointer and code", () => {
    const issues = issuesOf({
      ...waterProfile,
      category: "lottery",
      billFetch: "sometimes",
      amountExactness: "roughly",
      presentmentCacheTtlSeconds: 86_401,
      capacity: {
        inquiriesPerSecond: 0,
        concurrentCallsMax: 10_001,
        postingsPerSecond: 1.5,
        postingReserveBasisPoints: 100,
      },
      currencies: ["CNY", "CNY"],
    });
    expect(issues).toEqual([
      { field: "/category", code: "category_unknown" },
      { field: "/billFetch", code: "bill_fetch_unknown" },
      { field: "/amountExactness", code: "amount_exactness_unknown" },
      { field: "/presentmentCacheTtlSeconds", code: "cache_ttl_out_of_range" },
      { field: "/capacity/inquiriesPerSecond", code: "capacity_out_of_range" },
      { field: "/capacity/concurrentCallsMax", code: "capacity_out_of_range" },
      { field: "/capacity/postingsPerSecond", code: "capacity_out_of_range" },
      { field: "/capacity/postingReserveBasisPoints", code: "posting_reserve_out_of_range" },
      { field: "/currencies", code: "currencies_invalid" },
    ]);
  });

  it("points into the parameter list, and refuses none, too many, or a name twice", () => {
    const [parameter] = waterProfile.parameters;
    if (parameter === undefined) throw new Error("fixture has a parameter");
    expect(issuesOf({ ...waterProfile, parameters: [] })).toEqual([
      { field: "/parameters", code: "parameters_count_invalid" },
    ]);
    expect(issuesOf({ ...waterProfile, parameters: Array(6).fill(parameter) })).toEqual([
      { field: "/parameters", code: "parameters_count_invalid" },
    ]);
    expect(
      issuesOf({ ...waterProfile, parameters: [parameter, { ...parameter, pattern: "(a+)+" }] }),
    ).toEqual([
      { field: "/parameters/1/pattern", code: "parameter_pattern_unsafe" },
      { field: "/parameters/1/name", code: "parameter_name_duplicate" },
    ]);
  });

  it("takes only `any` from a biller that presents no bills, and lets it reserve everything for postings", () => {
    const noFetch = { ...waterProfile, billFetch: "not_supported" };
    expect(issuesOf(noFetch)).toEqual([
      { field: "/amountExactness", code: "amount_exactness_needs_bill_fetch" },
    ]);
    const allPostings = { ...waterProfile.capacity, postingReserveBasisPoints: 10_000 };
    expect(issuesOf({ ...noFetch, amountExactness: "any", capacity: allPostings })).toEqual([]);
    expect(issuesOf({ ...waterProfile, capacity: allPostings })).toEqual([
      { field: "/capacity/postingReserveBasisPoints", code: "posting_reserve_out_of_range" },
    ]);
  });

  it("allows direct pay only where bill fetch is not mandatory", () => {
    expect(directPayAllowed({ billFetch: "mandatory" })).toBe(false);
    expect(directPayAllowed({ billFetch: "optional" })).toBe(true);
    expect(directPayAllowed({ billFetch: "not_supported" })).toBe(true);
  });

  it("tells a capacity raise from a cut or a larger posting reserve", () => {
    const current = waterProfile.capacity;
    expect(raisesCapacity(current, { ...current, inquiriesPerSecond: 21 })).toBe(true);
    expect(raisesCapacity(current, { ...current, concurrentCallsMax: 9 })).toBe(true);
    expect(raisesCapacity(current, { ...current, postingsPerSecond: 11 })).toBe(true);
    expect(raisesCapacity(current, { ...current, inquiriesPerSecond: 5 })).toBe(false);
    expect(raisesCapacity(current, { ...current, postingReserveBasisPoints: 9000 })).toBe(false);
  });

  it("compares profiles by their fields, whatever order their keys were built in", () => {
    const checked = checkBillerProfile(waterProfile);
    if (!checked.ok) throw new Error("valid fixture");
    const reversed = <T extends object>(value: T): T =>
      Object.fromEntries(Object.entries(value).reverse()) as T;
    const reordered = {
      ...reversed(checked.fields),
      parameters: checked.fields.parameters.map(reversed),
      capacity: reversed(checked.fields.capacity),
    };
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(checked.fields));
    expect(sameProfileFields(checked.fields, reordered)).toBe(true);
    expect(sameProfileFields(checked.fields, { ...checked.fields, currencies: ["USD"] })).toBe(
      false,
    );
  });
});
