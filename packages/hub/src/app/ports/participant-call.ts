/**
 * What every call the hub makes to a participant's system (a bank's, a biller's, later a
 * wallet's) can come to, whatever the interface: the connectors of each kind speak in these
 * terms, so the guard, the operation runner and the trace treat them alike. A call never guesses:
 * an answer counts only when signed by the callee and in the interface's schema; anything short
 * of that is `unknown` (the callee may have acted), or `not_sent` when nothing ever left.
 */

/** Where a call goes: one registered endpoint of a participant's system. */
export interface ParticipantEndpointAddress {
  /** The participant whose system it is, and whose key alone may sign its answers. */
  readonly ownerId: string;
  readonly endpointId: string;
  /** The endpoint's base URL; each call's path is appended to it. */
  readonly url: string;
}

export interface ParticipantCallOptions {
  /** The whole call, from connecting to the last byte of the answer. */
  readonly timeoutMs: number;
  /**
   * Ends the call early (shutdown, a caller's own deadline): `not_sent` if nothing had left yet,
   * else `unknown`, as a timeout.
   */
  readonly signal?: AbortSignal | undefined;
}

/** Why the request surely never reached the callee: failing or retrying is safe. */
export type CallNotSentCause =
  | "connection_refused"
  | "address_unresolved"
  | "host_unreachable"
  | "connect_timeout"
  | "tls_failed"
  | "aborted_before_sending";

/**
 * Why the callee's answer, if any, cannot be known: it may have acted. The hub must not guess;
 * for a money call it inquires until the answer is final.
 */
export type CallUnknownCause =
  | "timeout"
  | "aborted"
  | "connection_lost"
  | "server_error"
  | "answer_status_unexpected"
  | "answer_too_large"
  | "answer_malformed"
  | "answer_unsigned"
  | "answer_signature_invalid";

export type CallNotSent = {
  readonly kind: "not_sent";
  readonly cause: CallNotSentCause;
  readonly detail: string;
};

export type CallUnknown = {
  readonly kind: "unknown";
  readonly cause: CallUnknownCause;
  readonly detail: string;
};

/**
 * One call's result: `answered` (signed, in the schema), the interface's own refusal shape
 * (signed; each interface names its codes), `not_sent` or `unknown`.
 */
export type ParticipantCallResult<Answer, Refused extends { readonly kind: "refused" }> =
  | { readonly kind: "answered"; readonly answer: Answer }
  | Refused
  | CallNotSent
  | CallUnknown;
