import type { redactOptions } from "pino";
import type { SensitiveNumberKind } from "../domain/sensitive/sensitive-number-kind.ts";
import { maskSensitiveNumber } from "../domain/sensitive/sensitive-number-mask.ts";

/** Fields that hold a sensitive number: logged masked, like the API shows them (`****4242`). */
const maskedFields = {
  cardNumber: "card_number",
  accountNumber: "bank_account_number",
  idNumber: "id_number",
} as const satisfies Record<string, SensitiveNumberKind>;

/**
 * Fields logged as `[redacted]` whatever they hold: a mobile number has no useful mask here, a
 * one-time password is a credential until it expires, and a customer's parameters at a biller
 * (any names, any values) are customer data as a whole.
 */
const hiddenFields = ["mobile", "otp", "customerParameters"] as const;

/**
 * Request headers that carry credentials: a bearer token, or a signature someone could replay.
 * Fastify's request serializer leaves headers out; these paths keep them out if that changes.
 */
const hiddenHeaders = ["authorization", "signature", "signature-input"] as const;

/**
 * How many levels below the top of a log line a field is still found. Pino matches paths of
 * fixed depth (`*.cardNumber` is exactly one level down), so each level is one more path per
 * field, and each costs about a microsecond on every line logged. Four levels reach
 * `req.body.parties.payer.cardNumber`; code that logs anything nested deeper must leave sensitive
 * fields out of it. Text inside `msg` is never redacted: log objects, not interpolated strings.
 */
export const redactedFieldDepthMax = 4;

export const censoredValue = "[redacted]";

function atEveryDepth(field: string): string[] {
  return Array.from({ length: redactedFieldDepthMax + 1 }, (_, depth) =>
    [...Array<string>(depth).fill("*"), field].join("."),
  );
}

export const logRedactPaths: readonly string[] = [
  ...hiddenHeaders.map((header) => `req.headers["${header}"]`),
  ...[...Object.keys(maskedFields), ...hiddenFields].flatMap(atEveryDepth),
];

function isMaskedField(name: unknown): name is keyof typeof maskedFields {
  return typeof name === "string" && Object.hasOwn(maskedFields, name);
}

/**
 * What a redacted value is logged as. A sensitive number given as text keeps its mask, enough to
 * match a log line to a support call; anything else, or any other path, shows nothing.
 */
export function censorLogValue(value: unknown, path: readonly unknown[]): unknown {
  const field = path.at(-1);
  if (isMaskedField(field) && typeof value === "string") {
    return maskSensitiveNumber(maskedFields[field], value);
  }
  return censoredValue;
}

/** The pino `redact` option of the hub's request log. */
export function logRedaction(): redactOptions {
  return { paths: [...logRedactPaths], censor: censorLogValue };
}
