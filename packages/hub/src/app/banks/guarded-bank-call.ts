import type { BankRefusalCode } from "../../domain/bank/bank-refusal-code.ts";
import type { BankEndpoint } from "../../domain/banks/bank-endpoint.ts";
import type {
  BankCallOptions,
  BankCallResult,
  BankEndpointAddress,
} from "../ports/bank-connector.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";

/**
 * What became of one call to a bank, seen whole: through the endpoint's guard and the
 * connector. Exactly two cases are uncertain (`unknown`); only they need an inquiry.
 */
export type BankCallVerdict<Answer> =
  | { readonly kind: "answered"; readonly answer: Answer }
  | { readonly kind: "refused"; readonly code: BankRefusalCode; readonly reason: string }
  /** Nothing reached the bank: the guard refused, or no connection was made. */
  | { readonly kind: "not_sent"; readonly detail: string }
  /** Sent without an answer to rely on: the bank may have acted. */
  | { readonly kind: "unknown"; readonly detail: string };

export type BankCall<Answer> = (
  endpoint: BankEndpointAddress,
  options: BankCallOptions,
) => Promise<BankCallResult<Answer>>;

/**
 * Runs the call under the endpoint's guard with the endpoint's timeout. The guard's breaker
 * counts as failures what says the endpoint is unwell (no connection, no usable answer, a busy
 * bank), never a business refusal.
 */
export async function guardedBankCall<Answer>(
  guard: EndpointGuard,
  endpoint: BankEndpoint,
  call: BankCall<Answer>,
): Promise<BankCallVerdict<Answer>> {
  const address = { bankId: endpoint.bankId, endpointId: endpoint.id, url: endpoint.url };
  const guarded = await guard.call(endpoint, async (signal) => {
    const value = await call(address, { timeoutMs: endpoint.timeoutMs, signal });
    const failed =
      value.kind === "not_sent" ||
      value.kind === "unknown" ||
      (value.kind === "refused" && value.code === "bank_busy");
    const error = value.kind === "not_sent" || value.kind === "unknown" ? value.cause : undefined;
    return { value, failed, error };
  });
  if (!guarded.ok) {
    return guarded.sent
      ? { kind: "unknown", detail: `${guarded.code}: ${guarded.error}` }
      : { kind: "not_sent", detail: guarded.code };
  }
  const result = guarded.value;
  switch (result.kind) {
    case "answered":
      return { kind: "answered", answer: result.answer };
    case "refused":
      return { kind: "refused", code: result.code, reason: result.reason };
    case "not_sent":
      return { kind: "not_sent", detail: `${result.cause}: ${result.detail}` };
    case "unknown":
      return { kind: "unknown", detail: `${result.cause}: ${result.detail}` };
  }
}
