import canonicalize from "canonicalize";
import { maskCharacters } from "../sensitive/sensitive-number-mask.ts";
import { isStorableText } from "../storable-text.ts";

/**
 * The values that name one customer at one biller (an account number, a meter number, a
 * district), by parameter name. Customer data: sealed at rest, masked in answers and logs.
 */
export type CustomerParameters = Readonly<Record<string, string>>;

/** As many as the biller interface carries in one message. */
export const customerParametersMax = 8;
export const customerParameterValueLengthMax = 64;
/** The biller interface's pattern for a parameter's name. */
const parameterNamePattern = /^[a-z][A-Za-z0-9_]{0,31}$/;

export type CustomerParametersError = "customer_parameters_invalid";

export interface CustomerParameterProblem {
  /** The parameter's name, or "" when the set as a whole is wrong (empty, too many). */
  readonly parameter: string;
  readonly reason: "count" | "name" | "value_length" | "value_text" | "duplicate";
}

export type CustomerParametersRead =
  | { readonly ok: true; readonly value: CustomerParameters }
  | {
      readonly ok: false;
      readonly code: CustomerParametersError;
      readonly problems: readonly CustomerParameterProblem[];
    };

/**
 * The shape every biller's parameters share, checked before anything is looked up: 1 to 8
 * names as the biller interface writes them, each once, each value 1 to 64 storable
 * characters. A biller's own rules for each value (pattern, check digit) come on top, from its
 * registry profile.
 */
export function readCustomerParameters(
  entries: readonly (readonly [string, string])[],
): CustomerParametersRead {
  if (entries.length === 0 || entries.length > customerParametersMax) {
    return refused([{ parameter: "", reason: "count" }]);
  }
  const value: Record<string, string> = {};
  const problems: CustomerParameterProblem[] = [];
  for (const [name, text] of entries) {
    const problem = problemOf(name, text, value);
    if (problem === undefined) value[name] = text;
    else problems.push({ parameter: parameterNamePattern.test(name) ? name : "", reason: problem });
  }
  return problems.length === 0 ? { ok: true, value } : refused(problems);
}

function problemOf(
  name: string,
  text: string,
  seen: Record<string, string>,
): CustomerParameterProblem["reason"] | undefined {
  if (!parameterNamePattern.test(name)) return "name";
  if (Object.hasOwn(seen, name)) return "duplicate";
  const length = [...text].length;
  if (length < 1 || length > customerParameterValueLengthMax) return "value_length";
  return isStorableText(text) ? undefined : "value_text";
}

function refused(problems: readonly CustomerParameterProblem[]): CustomerParametersRead {
  return { ok: false, code: "customer_parameters_invalid", problems };
}

/**
 * The one spelling of a customer at a biller, whatever the order the parameters came in:
 * RFC 8785 canonical JSON of the biller and the parameters. A channel's subscription and a
 * biller's notice about the same customer give the same text, and so the same lookup hash.
 */
export function canonicalCustomer(billerId: string, parameters: CustomerParameters): string {
  const text = canonicalize({ billerId, parameters });
  if (text === undefined) throw new Error("customer parameters cannot be canonicalised");
  return text;
}

/**
 * A customer parameter may show its last four characters, as an account number does, so that
 * a person can tell their customers apart; never more than one character in three.
 */
const parameterMaskPolicy = { leading: 0, trailing: 4 } as const;

/** The parameters as answers and logs show them: `{ accountNumber: "****5678" }`. */
export function maskCustomerParameters(parameters: CustomerParameters): CustomerParameters {
  return Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => [
      name,
      maskCharacters(value, parameterMaskPolicy),
    ]),
  );
}
