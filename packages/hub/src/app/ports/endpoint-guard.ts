import type { CallableEndpoint, EndpointOwner } from "../../domain/calls/callable-endpoint.ts";

/**
 * What a guarded call reports back. `failed` is the caller's verdict for the circuit breaker:
 * true for a transport error or a 5xx (the endpoint is unwell), false for any answer the bank
 * gave on purpose, a business refusal included (the endpoint works; the customer's card is
 * simply declined, the bill is already paid).
 */
export interface CallReport<T> {
  readonly value: T;
  readonly failed: boolean;
  /** Why it failed, for the health view (never a customer's number). */
  readonly error?: string | undefined;
}

/** The call to protect: it must stop when the signal aborts (the timeout passed). */
export type GuardedCall<T> = (signal: AbortSignal) => Promise<CallReport<T>>;

/** Refused before anything was sent: safe to fail at once, or to try another time. */
export type CallRefusal = "endpoint_disabled" | "endpoint_circuit_open" | "endpoint_saturated";

/**
 * Sent, with no answer: the callee may or may not have acted, so the outcome is UNKNOWN until a
 * status inquiry settles it. `endpoint_call_failed` is a call that threw instead of reporting.
 */
export type CallUncertainty = "endpoint_timeout" | "endpoint_call_failed";

export type GuardedResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: CallRefusal; readonly sent: false }
  | {
      readonly ok: false;
      readonly code: CallUncertainty;
      readonly sent: true;
      readonly error: string;
    };

export type BreakerState = "closed" | "open" | "half_open";

/** One endpoint as this hub node has seen it over the recent window, named by its owner. */
export type EndpointHealth = EndpointOwner & EndpointHealthFigures;

export interface EndpointHealthFigures {
  readonly endpointId: string;
  readonly breaker: BreakerState;
  readonly inFlight: number;
  readonly windowMs: number;
  /** Calls sent in the window, and of them those that failed (timeouts included) and timed out. */
  readonly calls: number;
  readonly failures: number;
  readonly timeouts: number;
  /** Calls refused without sending: open circuit, saturation, disabled. */
  readonly refused: number;
  readonly lastError: { readonly at: number; readonly message: string } | null;
  /** Over the calls sent in the window; null when there were none. */
  readonly latencyMs: { readonly p50: number; readonly p99: number } | null;
}

/**
 * Runs calls to the endpoints of participants' systems (banks, billers) under each endpoint's
 * timeout, concurrency limit and circuit breaker, one set per endpoint, keyed by its owner and
 * its id. Each call is given the endpoint as the registry holds it now, so a settings change
 * takes effect on the next call, without a restart. The state is this node's own: every hub
 * node protects itself.
 */
export interface EndpointGuard {
  call<T>(endpoint: CallableEndpoint, fn: GuardedCall<T>): Promise<GuardedResult<T>>;
  health(endpoint: EndpointOwner & { readonly id: string }): EndpointHealth;
  /** Every endpoint this node has called, for the metrics. */
  healthAll(): EndpointHealth[];
}
