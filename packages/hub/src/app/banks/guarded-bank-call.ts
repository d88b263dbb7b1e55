import type { BankRefusalCode } from "../../domain/bank/bank-refusal-code.ts";
import type { BankEndpoint } from "../../domain/banks/bank-endpoint.ts";
import { type CallVerdict, guardedCall } from "../calls/guarded-call.ts";
import type {
  BankCallOptions,
  BankCallResult,
  BankEndpointAddress,
  BankRefused,
} from "../ports/bank-connector.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";

/**
 * What became of one call to a bank, seen whole: the generic verdict (see guarded-call.ts) in
 * the bank interface's terms. Exactly two cases are uncertain (`unknown`); only they need an
 * inquiry.
 */
export type BankCallVerdict<Answer> = CallVerdict<
  Answer,
  { readonly kind: "refused"; readonly code: BankRefusalCode; readonly reason: string }
>;

export type BankCall<Answer> = (
  endpoint: BankEndpointAddress,
  options: BankCallOptions,
) => Promise<BankCallResult<Answer>>;

/** A busy bank is unwell; any other refusal is a business answer from a working endpoint. */
export function bankUnwell(refused: { readonly code: string }): boolean {
  return refused.code === "bank_busy";
}

/** Runs the call under the endpoint's guard with the endpoint's timeout (see guardedCall). */
export async function guardedBankCall<Answer>(
  guard: EndpointGuard,
  endpoint: BankEndpoint,
  call: BankCall<Answer>,
): Promise<BankCallVerdict<Answer>> {
  const verdict = await guardedCall<Answer, BankRefused>(
    guard,
    endpoint,
    (address, options) =>
      call({ bankId: address.ownerId, endpointId: address.endpointId, url: address.url }, options),
    bankUnwell,
  );
  if (verdict.kind !== "refused") return verdict;
  return { kind: "refused", code: verdict.code, reason: verdict.reason };
}
