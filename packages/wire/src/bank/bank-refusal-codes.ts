/**
 * Why a bank refused a request of the hub without acting on it, as the bank writes it: the
 * closed set of refusal codes of the bank interface, each with the HTTP status the bank answers
 * it with and what it tells the bank's implementers. A refusal is definite: the bank applied
 * nothing and recorded nothing for the request (for `idempotency_key_reused`, the earlier
 * request under the id stands as it was), so the hub may correct the request and send it again
 * under the same id. The hub's domain keeps its own set; its bank adapter proves at compile time
 * that the two are the same, so neither can gain a code the other does not know.
 */
export const bankRefusalCodes = {
  request_invalid: {
    status: 400,
    meaning:
      "The body is not JSON or does not match the interface's schema, or an amount has more decimals than its currency.",
  },
  signature_missing: { status: 401, meaning: "The request carries no signature." },
  signature_malformed: {
    status: 401,
    meaning: "The Signature or Signature-Input header cannot be read.",
  },
  signature_components_insufficient: {
    status: 401,
    meaning: "The signature does not cover the method, the target URI and the Content-Digest.",
  },
  signature_created_out_of_window: {
    status: 401,
    meaning: "The signature's created time is too far from the bank's clock.",
  },
  key_unknown: { status: 401, meaning: "The hub's key set holds no key with this keyid." },
  key_revoked: { status: 401, meaning: "The key with this keyid is no longer trusted." },
  digest_mismatch: { status: 401, meaning: "The body does not match its Content-Digest." },
  signature_invalid: { status: 401, meaning: "The signature does not verify." },
  nonce_replayed: { status: 401, meaning: "The signature's nonce was used before." },
  route_unknown: { status: 404, meaning: "The bank implements no operation at this path." },
  idempotency_key_reused: {
    status: 409,
    meaning:
      "The id (transaction id or sign request id) was used before for a different request; the earlier request and its outcome stand.",
  },
  account_details_mismatch: {
    status: 422,
    meaning:
      "Sign request: the bank holds no account with this number, name, ID number and mobile number together.",
  },
  account_not_eligible: {
    status: 422,
    meaning: "Sign request: the account is closed, frozen, or not open to quick payments.",
  },
  sign_request_unknown: {
    status: 422,
    meaning:
      "Sign confirmation: the bank knows no sign request with this id for this payment institution.",
  },
  otp_invalid: { status: 422, meaning: "Sign confirmation: the one-time password is wrong." },
  otp_expired: {
    status: 422,
    meaning: "Sign confirmation: the one-time password expired; ask for a new sign request.",
  },
  otp_attempts_exceeded: {
    status: 422,
    meaning: "Sign confirmation: too many wrong passwords; the sign request is void.",
  },
  agreement_unknown: {
    status: 422,
    meaning: "Unsign: the bank holds no agreement with this number for this payment institution.",
  },
  bank_busy: {
    status: 503,
    meaning:
      "The bank is at capacity and refused the request before reading it; retry after the Retry-After header's seconds.",
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type BankRefusalCode = keyof typeof bankRefusalCodes;

export const bankRefusalCodeNames = Object.keys(bankRefusalCodes) as BankRefusalCode[];
