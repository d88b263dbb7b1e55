import { type ProblemCode, problemResponses, unreadableRequestProblems } from "../problem.ts";

/** Every way a participant request is refused before its route runs. */
export const participantAuthProblems: readonly ProblemCode[] = [
  "signature_missing",
  "signature_malformed",
  "signature_components_insufficient",
  "signature_created_out_of_window",
  "key_unknown",
  "key_revoked",
  "digest_mismatch",
  "signature_invalid",
  "nonce_replayed",
  "key_owner_terminated",
  "operation_not_permitted",
];

/** The problems every participant route can answer, plus the route's own. */
export function participantProblems(...codes: readonly ProblemCode[]): Record<number, unknown> {
  return problemResponses(
    ...unreadableRequestProblems,
    ...participantAuthProblems,
    "database_unavailable",
    "internal_error",
    ...codes,
  );
}

/** Problems a transfer can be refused with, whether alone or as an item of a bulk request. */
export const transferRefusalProblems: readonly ProblemCode[] = [
  "currency_unknown",
  "amount_invalid",
  "amount_not_positive",
  "amount_too_precise",
  "amount_too_large",
  "card_number_invalid",
  "card_number_check_digit_invalid",
  "bank_account_number_invalid",
  "id_number_invalid",
  "payee_not_found",
  "payee_is_payer",
  "payee_currency_not_held",
  "currency_not_held",
  "idempotency_key_reused",
  "transfer_id_taken",
  "transfer_id_reserved",
  "id_invalid",
  "reference_invalid",
  "timeout_invalid",
  "participant_inactive",
  "exceeds_net_debit_cap",
  "insufficient_liquidity",
  "balance_overflow",
  "storage_unavailable",
  "sealed_data_unreadable",
];
