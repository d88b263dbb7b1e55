import { signatureRefusalCodes } from "../signature-refusal-codes.ts";

/**
 * Why an issuer refused a request of the hub without acting on it: the closed set of refusal
 * codes of the wallet interface, each with the HTTP status the issuer answers it with. A refusal
 * is definite: the issuer applied and recorded nothing for the request (for
 * `idempotency_key_reused`, the earlier payment or refund under the id stands as it was), so the
 * hub may correct the request and send it again under the same id.
 */
export const walletRefusalCodes = {
  request_invalid: {
    status: 400,
    meaning:
      "The body is not JSON or does not match the interface's schema, the currency is not ISO 4217, or an amount is zero or has more decimals than its currency.",
  },
  ...signatureRefusalCodes,
  route_unknown: { status: 404, meaning: "The issuer implements no operation at this path." },
  idempotency_key_reused: {
    status: 409,
    meaning:
      "The payment or refund id was used before with other content (another instrument, amount, currency, merchant or payment); the earlier one and its outcome stand.",
  },
  payment_mismatch: {
    status: 422,
    meaning:
      "Reversal or refund: the amount (reversal) or the currency is not the payment's; nothing was reversed or refunded.",
  },
  wallet_busy: {
    status: 503,
    meaning:
      "The issuer is at capacity and refused the request before reading it; retry after the Retry-After header's seconds.",
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type WalletRefusalCode = keyof typeof walletRefusalCodes;

export const walletRefusalCodeNames = Object.keys(walletRefusalCodes) as WalletRefusalCode[];

export function isWalletRefusalCode(value: string): value is WalletRefusalCode {
  return Object.hasOwn(walletRefusalCodes, value);
}
