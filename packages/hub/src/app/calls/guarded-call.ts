import type { CallableEndpoint } from "../../domain/calls/callable-endpoint.ts";
import { endpointOwner } from "../../domain/calls/callable-endpoint.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";
import type {
  ParticipantCallOptions,
  ParticipantCallResult,
  ParticipantEndpointAddress,
} from "../ports/participant-call.ts";

/**
 * What became of one call to a participant's system, seen whole: through the endpoint's guard
 * and the connector. Exactly two cases are uncertain (`unknown`); only they need an inquiry.
 * `Refused` is the interface's own signed refusal.
 */
export type CallVerdict<Answer, Refused> =
  | { readonly kind: "answered"; readonly answer: Answer }
  | Refused
  /** Nothing reached the callee: the guard refused, or no connection was made. */
  | { readonly kind: "not_sent"; readonly detail: string }
  /** Sent without an answer to rely on: the callee may have acted. */
  | { readonly kind: "unknown"; readonly detail: string };

/** A call of a connector, given the endpoint's address and the guard's timeout and signal. */
export type ParticipantCall<Answer, Refused extends { readonly kind: "refused" }> = (
  endpoint: ParticipantEndpointAddress,
  options: ParticipantCallOptions,
) => Promise<ParticipantCallResult<Answer, Refused>>;

/**
 * Runs the call under the endpoint's guard with the endpoint's timeout. The guard's breaker
 * counts as failures what says the endpoint is unwell (no connection, no usable answer, and the
 * refusals `unwell` names, such as a busy bank), never a business refusal.
 */
export async function guardedCall<Answer, Refused extends { readonly kind: "refused" }>(
  guard: EndpointGuard,
  endpoint: CallableEndpoint,
  call: ParticipantCall<Answer, Refused>,
  unwell: (refused: Refused) => boolean,
): Promise<CallVerdict<Answer, Refused>> {
  const address = {
    ownerId: endpointOwner(endpoint).id,
    endpointId: endpoint.id,
    url: endpoint.url,
  };
  const guarded = await guard.call(endpoint, async (signal) => {
    const value = await call(address, { timeoutMs: endpoint.timeoutMs, signal });
    const failed =
      value.kind === "not_sent" ||
      value.kind === "unknown" ||
      (value.kind === "refused" && unwell(value as Refused));
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
    case "not_sent":
      return { kind: "not_sent", detail: `${result.cause}: ${result.detail}` };
    case "unknown":
      return { kind: "unknown", detail: `${result.cause}: ${result.detail}` };
    default:
      return result as CallVerdict<Answer, Refused>;
  }
}
