/**
 * A channel's customer parameters against a biller's definitions: every failure a stable code
 * naming its parameter, values that follow the definition always accepted, and patterns
 * refused at registration when they cannot be run safely on untrusted input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCharacterFor } from "../../../src/domain/billers/check-digit.ts";
import {
  type CustomerParameterSpec,
  checkParameterSpec,
} from "../../../src/domain/billers/customer-parameter.ts";
import { checkCustomerParameters } from "../../../src/domain/billers/customer-parameter-check.ts";
import { checkPattern } from "../../../src/domain/billers/parameter-pattern.ts";

const account: CustomerParameterSpec = {
  name: "account_number",
  label: "Account number",
  type: "numeric",
  pattern: "[1-9][0-9]*",
  minLength: 8,
  maxLength: 12,
  checkDigit: "luhn",
  optional: false,
};
const meter: CustomerParameterSpec = {
  name: "meter_id",
  label: "Meter",
  type: "alphanumeric",
  pattern: null,
  minLength: 4,
  maxLength: 10,
  checkDigit: null,
  optional: true,
};
const specs = [account, meter];
/** A valid account number: 7 digits and their Luhn check. */
const validAccount = "79927398713";

describe("customer parameters", () => {
  it("accepts values that follow the definitions, and leaves out the optional one not given", () => {
    expect(checkCustomerParameters(specs, { account_number: validAccount })).toEqual({
      ok: true,
      values: { account_number: validAccount },
    });
    expect(
      checkCustomerParameters(specs, { account_number: validAccount, meter_id: "AB12" }),
    ).toMatchObject({ ok: true });
  });

  it("names each failing parameter with the first rule it breaks", () => {
    const cases: [Record<string, string>, string, string][] = [
      [{}, "account_number", "parameter_missing"],
      [{ account_number: "" }, "account_number", "parameter_missing"],
      [{ account_number: "1234567" }, "account_number", "parameter_too_short"],
      [{ account_number: "1234567890123" }, "account_number", "parameter_too_long"],
      [{ account_number: "7992739871a" }, "account_number", "parameter_type_mismatch"],
      [{ account_number: "07992739871" }, "account_number", "parameter_pattern_mismatch"],
      [{ account_number: "79927398710" }, "account_number", "parameter_check_digit_invalid"],
      [{ account_number: validAccount, meter_id: "A-12" }, "meter_id", "parameter_type_mismatch"],
      [{ account_number: validAccount, meter: "A12" }, "meter", "parameter_unknown"],
    ];
    for (const [input, parameter, code] of cases) {
      expect(checkCustomerParameters(specs, input), JSON.stringify(input)).toEqual({
        ok: false,
        failures: [{ parameter, code }],
      });
    }
  });

  it("reports every failure at once, in the biller's order, then unknown keys (bounded)", () => {
    const input: Record<string, string> = { meter_id: "x", account_number: "1" };
    for (let i = 0; i < 50; i++) input[`extra_${i}`] = "1";
    const checked = checkCustomerParameters(specs, input);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.failures.slice(0, 2)).toEqual([
      { parameter: "account_number", code: "parameter_too_short" },
      { parameter: "meter_id", code: "parameter_too_short" },
    ]);
    expect(checked.failures.filter((f) => f.code === "parameter_unknown")).toHaveLength(5);
  });

  it("counts length in characters, not UTF-16 units", () => {
    const name: CustomerParameterSpec = {
      ...meter,
      name: "holder",
      type: "text",
      minLength: 2,
      maxLength: 2,
      optional: false,
    };
    expect(checkCustomerParameters([name], { holder: "😀😀" }).ok).toBe(true);
    expect(checkCustomerParameters([name], { holder: "a\u0000" })).toEqual({
      ok: false,
      failures: [{ parameter: "holder", code: "parameter_type_mismatch" }],
    });
  });

  it("accepts any value built to its definition (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{6,10}$/), (payload) => {
        const value = `${payload}${checkCharacterFor("luhn", payload)}`;
        expect(checkCustomerParameters(specs, { account_number: value }).ok).toBe(true);
      }),
    );
  });

  it("refuses a value outside its length bounds, naming the parameter (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[0-9]{1,7}$/), fc.stringMatching(/^[0-9]{13,40}$/)),
        (value) => {
          const checked = checkCustomerParameters(specs, { account_number: value });
          expect(checked).toEqual({
            ok: false,
            failures: [
              {
                parameter: "account_number",
                code: value.length < 8 ? "parameter_too_short" : "parameter_too_long",
              },
            ],
          });
        },
      ),
    );
  });

  it("never throws and answers only codes of its closed set on any input (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 })),
        (input) => {
          const checked = checkCustomerParameters(specs, input);
          if (!checked.ok) {
            for (const failure of checked.failures) expect(failure.code).toMatch(/^parameter_/);
          }
        },
      ),
    );
  });
});

describe("parameter definitions", () => {
  it("refuse patterns that do not compile, need backtracking, or nest quantifiers", () => {
    expect(checkPattern("[0-9]{8}")).toBeUndefined();
    expect(checkPattern("[")).toBe("parameter_pattern_invalid");
    expect(checkPattern("(a)\\1")).toBe("parameter_pattern_invalid");
    expect(checkPattern("(?=a)a")).toBe("parameter_pattern_invalid");
    expect(checkPattern("x".repeat(257))).toBe("parameter_pattern_invalid");
    expect(checkPattern("")).toBe("parameter_pattern_invalid");
    expect(checkPattern("(a+)+$")).toBe("parameter_pattern_unsafe");
    expect(checkPattern("([0-9]*)*")).toBe("parameter_pattern_unsafe");
  });

  it("match the whole value, whatever anchors the operator left out", () => {
    const spec = { ...meter, pattern: "AB|CD", optional: false, minLength: 2, maxLength: 4 };
    expect(checkCustomerParameters([spec], { meter_id: "AB" }).ok).toBe(true);
    expect(checkCustomerParameters([spec], { meter_id: "ABCD" }).ok).toBe(false);
  });

  it("name each refused field of a definition", () => {
    const issues = checkParameterSpec({
      name: "Account",
      label: "",
      type: "date",
      pattern: "(a+)+",
      minLength: 10,
      maxLength: 5,
      checkDigit: "crc32",
    });
    expect(issues).toEqual([
      { field: "name", code: "parameter_name_invalid" },
      { field: "label", code: "parameter_label_invalid" },
      { field: "type", code: "parameter_type_unknown" },
      { field: "minLength", code: "parameter_length_invalid" },
      { field: "pattern", code: "parameter_pattern_unsafe" },
      { field: "checkDigit", code: "check_digit_unknown" },
    ]);
  });

  it("put a check digit only on a parameter of the type its alphabet needs", () => {
    const base = { name: "n", label: "N", minLength: 2, maxLength: 20 };
    expect(checkParameterSpec({ ...base, type: "numeric", checkDigit: "luhn" })).toEqual([]);
    expect(checkParameterSpec({ ...base, type: "text", checkDigit: "luhn" })).toEqual([
      { field: "checkDigit", code: "check_digit_type_mismatch" },
    ]);
    expect(
      checkParameterSpec({ ...base, type: "alphanumeric", checkDigit: "iso7064_mod11_2" }),
    ).toEqual([]);
    expect(
      checkParameterSpec({ ...base, type: "numeric", checkDigit: "mod11", minLength: 1 }),
    ).toEqual([{ field: "checkDigit", code: "check_digit_type_mismatch" }]);
  });
});
