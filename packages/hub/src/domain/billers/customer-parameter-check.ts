import { isStorableText } from "../storable-text.ts";
import { hasValidCheckCharacter } from "./check-digit.ts";
import type { CustomerParameterSpec, ParameterType } from "./customer-parameter.ts";
import { parametersPerBillerMax } from "./customer-parameter.ts";
import { matchesPattern } from "./parameter-pattern.ts";

/**
 * Why a channel's value for one customer parameter is refused, in the order they are checked:
 * only the first that applies is reported for a parameter, so each failure names one thing
 * to fix. `parameter_unknown` names a key the biller does not define.
 */
export const customerParameterFailureCodes = [
  "parameter_unknown",
  "parameter_missing",
  "parameter_too_short",
  "parameter_too_long",
  "parameter_type_mismatch",
  "parameter_pattern_mismatch",
  "parameter_check_digit_invalid",
] as const;
export type CustomerParameterFailureCode = (typeof customerParameterFailureCodes)[number];

export interface CustomerParameterFailure {
  readonly parameter: string;
  readonly code: CustomerParameterFailureCode;
}

export type CustomerParameterCheck =
  | { readonly ok: true; readonly values: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly failures: readonly CustomerParameterFailure[] };

const typeAlphabets: Readonly<Record<Exclude<ParameterType, "text">, RegExp>> = {
  numeric: /^[0-9]*$/,
  alphanumeric: /^[A-Za-z0-9]*$/,
};

function typeMatches(type: ParameterType, value: string): boolean {
  return type === "text" ? isStorableText(value) : typeAlphabets[type].test(value);
}

/** The first rule the value breaks, or undefined when it satisfies the definition. */
function failureOf(
  spec: CustomerParameterSpec,
  value: string,
): CustomerParameterFailureCode | undefined {
  const length = [...value].length;
  if (length < spec.minLength) return "parameter_too_short";
  if (length > spec.maxLength) return "parameter_too_long";
  // Lengths first: the type and pattern below then only ever run on a bounded value.
  if (!typeMatches(spec.type, value)) return "parameter_type_mismatch";
  if (spec.pattern !== null && !matchesPattern(spec.pattern, value)) {
    return "parameter_pattern_mismatch";
  }
  if (spec.checkDigit !== null && !hasValidCheckCharacter(spec.checkDigit, value)) {
    return "parameter_check_digit_invalid";
  }
  return undefined;
}

/**
 * Checks a channel's customer parameters against the biller's definitions: every failure, in
 * the biller's order of parameters, then unknown keys in the order given (at most as many as
 * a biller may define, so a flood of keys cannot make a flood of failures). An empty string
 * counts as left out. Answers only the defined parameters that were given.
 */
export function checkCustomerParameters(
  specs: readonly CustomerParameterSpec[],
  input: Readonly<Record<string, string>>,
): CustomerParameterCheck {
  const failures: CustomerParameterFailure[] = [];
  const values: Record<string, string> = {};
  for (const spec of specs) {
    const value = Object.hasOwn(input, spec.name) ? input[spec.name] : undefined;
    if (value === undefined || value === "") {
      if (!spec.optional) failures.push({ parameter: spec.name, code: "parameter_missing" });
      continue;
    }
    const code = failureOf(spec, value);
    if (code === undefined) values[spec.name] = value;
    else failures.push({ parameter: spec.name, code });
  }
  const defined = new Set(specs.map((spec) => spec.name));
  const unknown = Object.keys(input).filter((name) => !defined.has(name));
  for (const name of unknown.slice(0, parametersPerBillerMax)) {
    failures.push({ parameter: name, code: "parameter_unknown" });
  }
  return failures.length === 0 ? { ok: true, values } : { ok: false, failures };
}
