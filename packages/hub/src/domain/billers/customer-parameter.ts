import { isStorableText } from "../storable-text.ts";
import { type CheckDigitAlgorithm, isCheckDigitAlgorithm } from "./check-digit.ts";
import { checkPattern } from "./parameter-pattern.ts";

/**
 * What a value of a customer parameter may hold: `numeric` digits 0-9, `alphanumeric` ASCII
 * letters and digits, `text` any characters the stores keep faithfully (no controls).
 */
export const parameterTypes = ["numeric", "alphanumeric", "text"] as const;
export type ParameterType = (typeof parameterTypes)[number];

/**
 * One value a biller needs to find a customer's bills (an account number, a meter number, a
 * phone number). `name` is the stable key channels send it under; `label` is what they show.
 */
export interface CustomerParameterSpec {
  readonly name: string;
  readonly label: string;
  readonly type: ParameterType;
  /** A regular expression the whole value must match (see parameter-pattern.ts); null: none. */
  readonly pattern: string | null;
  /** In characters (code points), inclusive. */
  readonly minLength: number;
  readonly maxLength: number;
  readonly checkDigit: CheckDigitAlgorithm | null;
  /** An optional parameter may be left out; a given one is checked like any other. */
  readonly optional: boolean;
}

/** BBPS allows a biller five customer parameters; no biller we know needs more. */
export const parametersPerBillerMax = 5;
export const parameterLengthMax = 100;
export const parameterLabelLengthMax = 64;
export const parameterNamePattern = /^[a-z][a-z0-9_]{0,31}$/;

/** Why one parameter's definition is refused; the profile check names the field. */
export type ParameterSpecRefusal =
  | "parameter_name_invalid"
  | "parameter_label_invalid"
  | "parameter_type_unknown"
  | "parameter_length_invalid"
  | "parameter_pattern_invalid"
  | "parameter_pattern_unsafe"
  | "check_digit_unknown"
  | "check_digit_type_mismatch";

export interface ParameterSpecIssue {
  /** The field within the parameter: `name`, `pattern`, ... */
  readonly field: keyof CustomerParameterSpec;
  readonly code: ParameterSpecRefusal;
}

/** The unchecked shape an operator sends. */
export interface CustomerParameterInput {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly pattern?: string | null | undefined;
  readonly minLength: number;
  readonly maxLength: number;
  readonly checkDigit?: string | null | undefined;
  readonly optional?: boolean | undefined;
}

export function isParameterType(text: string): text is ParameterType {
  return (parameterTypes as readonly string[]).includes(text);
}

function lengthsValid(min: number, max: number): boolean {
  const inRange = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= parameterLengthMax;
  return inRange(min) && inRange(max) && min <= max;
}

/**
 * A check character is the last of the value: decimal schemes need a numeric parameter;
 * ISO 7064 MOD 11-2 ends in 0-9 or X, so it needs an alphanumeric one. Either needs at least
 * one character before the check.
 */
function checkDigitFits(algorithm: CheckDigitAlgorithm, type: ParameterType, min: number): boolean {
  const neededType = algorithm === "iso7064_mod11_2" ? "alphanumeric" : "numeric";
  return type === neededType && min >= 2;
}

function labelValid(label: string): boolean {
  const length = [...label].length;
  return length >= 1 && length <= parameterLabelLengthMax && isStorableText(label);
}

/** Every issue with one parameter's definition; empty when it can be registered. */
export function checkParameterSpec(input: CustomerParameterInput): ParameterSpecIssue[] {
  const issues: ParameterSpecIssue[] = [];
  if (!parameterNamePattern.test(input.name)) {
    issues.push({ field: "name", code: "parameter_name_invalid" });
  }
  if (!labelValid(input.label)) issues.push({ field: "label", code: "parameter_label_invalid" });
  const typeKnown = isParameterType(input.type);
  if (!typeKnown) issues.push({ field: "type", code: "parameter_type_unknown" });
  if (!lengthsValid(input.minLength, input.maxLength)) {
    issues.push({ field: "minLength", code: "parameter_length_invalid" });
  }
  const patternRefusal =
    input.pattern === undefined || input.pattern === null ? undefined : checkPattern(input.pattern);
  if (patternRefusal !== undefined) issues.push({ field: "pattern", code: patternRefusal });
  const checkDigit = input.checkDigit ?? null;
  if (checkDigit !== null && !isCheckDigitAlgorithm(checkDigit)) {
    issues.push({ field: "checkDigit", code: "check_digit_unknown" });
  } else if (
    checkDigit !== null &&
    typeKnown &&
    !checkDigitFits(checkDigit, input.type as ParameterType, input.minLength)
  ) {
    issues.push({ field: "checkDigit", code: "check_digit_type_mismatch" });
  }
  return issues;
}

/** The definition as stored, once checkParameterSpec found nothing. */
export function parameterSpecOf(input: CustomerParameterInput): CustomerParameterSpec {
  return {
    name: input.name,
    label: input.label,
    type: input.type as ParameterType,
    pattern: input.pattern ?? null,
    minLength: input.minLength,
    maxLength: input.maxLength,
    checkDigit: (input.checkDigit ?? null) as CheckDigitAlgorithm | null,
    optional: input.optional ?? false,
  };
}
