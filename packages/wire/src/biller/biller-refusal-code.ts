import { signatureRefusalCodes } from "../signature-refusal-codes.ts";

/**
 * Why a biller refused a request of the hub without acting on it: the closed set of refusal
 * codes of the biller interface, each with the HTTP status the biller answers it with. A refusal
 * is definite: the biller applied and recorded nothing for the request (for
 * `idempotency_key_reused`, the earlier posting under the id stands as it was), so the hub may
 * correct the request and send it again under the same id.
 */
export const billerRefusalCodes = {
  request_invalid: {
    status: 400,
    meaning:
      "The body is not JSON or does not match the interface's schema, or an amount has more decimals than its currency.",
  },
  ...signatureRefusalCodes,
  route_unknown: { status: 404, meaning: "The biller implements no operation at this path." },
  idempotency_key_reused: {
    status: 409,
    meaning:
      "The posting id was used before for a different posting (another bill, customer, amount or currency); the earlier posting and its outcome stand.",
  },
  customer_parameters_invalid: {
    status: 422,
    meaning:
      "Inquiry: the parameters are not the ones the biller needs, or a value fails its rules.",
  },
  customer_not_found: {
    status: 422,
    meaning: "Inquiry: the biller has no customer with these parameters.",
  },
  biller_busy: {
    status: 503,
    meaning:
      "The biller is at capacity and refused the request before reading it; retry after the Retry-After header's seconds.",
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type BillerRefusalCode = keyof typeof billerRefusalCodes;

export const billerRefusalCodeNames = Object.keys(billerRefusalCodes) as BillerRefusalCode[];

export function isBillerRefusalCode(value: string): value is BillerRefusalCode {
  return Object.hasOwn(billerRefusalCodes, value);
}
