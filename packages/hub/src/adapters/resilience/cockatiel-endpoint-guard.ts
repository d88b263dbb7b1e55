import {
  BrokenCircuitError,
  BulkheadPolicy,
  BulkheadRejectedError,
  type CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  handleAll,
  IsolatedCircuitError,
  SamplingBreaker,
  TaskCancelledError,
  type TimeoutPolicy,
  TimeoutStrategy,
  timeout,
} from "cockatiel";
import type {
  BreakerState,
  CallReport,
  EndpointGuard,
  EndpointHealth,
  GuardedCall,
  GuardedResult,
} from "../../app/ports/endpoint-guard.ts";
import { type BreakerSettings, sameBreaker } from "../../domain/banks/bank-endpoint.ts";
import {
  type CallableEndpoint,
  type EndpointOwner,
  endpointOwner,
  ownerFields,
} from "../../domain/calls/callable-endpoint.ts";
import { CallWindow, type CallWindowOptions, callWindowDefaults } from "./call-window.ts";

/** How one call ended, for the metrics. */
export type GuardOutcome =
  | "ok"
  | "failed"
  | "timeout"
  | "call_failed"
  | "circuit_open"
  | "saturated"
  | "disabled";

export const guardOutcomes: readonly GuardOutcome[] = [
  "ok",
  "failed",
  "timeout",
  "call_failed",
  "circuit_open",
  "saturated",
  "disabled",
];

/** One call, named by its endpoint's owner (`bankId` for a bank's) and the endpoint's id. */
export type GuardCallRecord = EndpointOwner & {
  readonly endpointId: string;
  readonly outcome: GuardOutcome;
  /** For calls that were sent. */
  readonly durationMs?: number | undefined;
};

export interface EndpointGuardOptions {
  readonly window: CallWindowOptions;
  readonly onCall?: ((record: GuardCallRecord) => void) | undefined;
  readonly clock: () => number;
}

export const endpointGuardDefaults: EndpointGuardOptions = {
  window: callWindowDefaults,
  clock: Date.now,
};

/** Longer error texts are cut: they come from the network and end up in the health view. */
const errorLengthMax = 300;

/** The policies of one endpoint, rebuilt piece by piece when its settings change. */
interface EndpointState {
  readonly owner: EndpointOwner;
  timeoutMs: number;
  timeout: TimeoutPolicy;
  concurrencyMax: number;
  bulkhead: BulkheadPolicy;
  breakerSettings: BreakerSettings;
  breaker: CircuitBreakerPolicy;
  inFlight: number;
  readonly window: CallWindow;
  lastError: { at: number; message: string } | null;
}

function breakerFor(settings: BreakerSettings): CircuitBreakerPolicy {
  // The caller decides what counts against the endpoint: a thrown error or a report marked failed.
  const failures = handleAll.orWhenResult((result) => (result as CallReport<unknown>).failed);
  return circuitBreaker(failures, {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new SamplingBreaker({
      threshold: settings.failurePercent / 100,
      duration: settings.windowMs,
      minimumRps: settings.minimumCalls / (settings.windowMs / 1000),
    }),
  });
}

const breakerStates: Readonly<Record<CircuitState, BreakerState>> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half_open",
  [CircuitState.Isolated]: "open",
};

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > errorLengthMax ? `${text.slice(0, errorLengthMax)}…` : text;
}

/**
 * The EndpointGuard with cockatiel: per endpoint of any participant's system, a bulkhead (refuses beyond `concurrencyMax`
 * calls in flight, without queueing), around a sampling circuit breaker, around an aggressive
 * timeout (answers at `timeoutMs` and aborts the call's signal). Settings are compared on every
 * call and only the policy whose settings changed is replaced: a new concurrency limit counts
 * from the calls that start after it (those in flight finish under the old one), and a changed
 * breaker starts closed.
 */
export class CockatielEndpointGuard implements EndpointGuard {
  private readonly states = new Map<string, EndpointState>();

  constructor(private readonly options: EndpointGuardOptions = endpointGuardDefaults) {}

  async call<T>(endpoint: CallableEndpoint, fn: GuardedCall<T>): Promise<GuardedResult<T>> {
    const state = this.stateFor(endpoint);
    if (!endpoint.enabled) return this.refuse(endpoint, state, "endpoint_disabled", "disabled");
    let started: number | undefined;
    try {
      const report = await state.bulkhead.execute(() =>
        state.breaker.execute(() =>
          state.timeout.execute(async (_context, signal) => {
            started = performance.now();
            return this.run(state, fn, signal);
          }),
        ),
      );
      const durationMs = performance.now() - (started ?? performance.now());
      this.recordSent(endpoint, state, durationMs, report.failed ? "failed" : "ok", report.error);
      return { ok: true, value: report.value };
    } catch (error) {
      return this.settleError(endpoint, state, error, started);
    }
  }

  health(endpoint: EndpointOwner & { readonly id: string }): EndpointHealth {
    const state = this.states.get(keyOf(endpoint));
    return state === undefined ? this.idleHealth(endpoint) : this.healthOf(endpoint.id, state);
  }

  healthAll(): EndpointHealth[] {
    return [...this.states.entries()].map(([key, state]) => {
      const endpointId = key.slice(key.lastIndexOf(" ") + 1);
      return this.healthOf(endpointId, state);
    });
  }

  /** Counts the call in flight for as long as it runs, even past an aggressive timeout. */
  private async run<T>(
    state: EndpointState,
    fn: GuardedCall<T>,
    signal: AbortSignal,
  ): Promise<CallReport<T>> {
    state.inFlight++;
    try {
      return await fn(signal);
    } finally {
      state.inFlight--;
    }
  }

  private settleError<T>(
    endpoint: CallableEndpoint,
    state: EndpointState,
    error: unknown,
    started: number | undefined,
  ): GuardedResult<T> {
    if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
      return this.refuse(endpoint, state, "endpoint_circuit_open", "circuit_open");
    }
    if (error instanceof BulkheadRejectedError) {
      return this.refuse(endpoint, state, "endpoint_saturated", "saturated");
    }
    const durationMs = started === undefined ? 0 : performance.now() - started;
    const timedOut = error instanceof TaskCancelledError;
    const text = timedOut ? `no answer within ${endpoint.timeoutMs} ms` : message(error);
    this.recordSent(endpoint, state, durationMs, timedOut ? "timeout" : "call_failed", text);
    return {
      ok: false,
      code: timedOut ? "endpoint_timeout" : "endpoint_call_failed",
      sent: true,
      error: text,
    };
  }

  private refuse<T>(
    endpoint: CallableEndpoint,
    state: EndpointState,
    code: "endpoint_disabled" | "endpoint_circuit_open" | "endpoint_saturated",
    outcome: GuardOutcome,
  ): GuardedResult<T> {
    state.window.recordRefused(this.options.clock());
    this.options.onCall?.({ ...state.owner, endpointId: endpoint.id, outcome });
    return { ok: false, code, sent: false };
  }

  private recordSent(
    endpoint: CallableEndpoint,
    state: EndpointState,
    durationMs: number,
    outcome: "ok" | "failed" | "timeout" | "call_failed",
    error: string | undefined,
  ): void {
    const now = this.options.clock();
    const failed = outcome !== "ok";
    state.window.recordSent(now, durationMs, failed, outcome === "timeout");
    if (failed) state.lastError = { at: now, message: error ?? "the call reported a failure" };
    this.options.onCall?.({
      ...state.owner,
      endpointId: endpoint.id,
      outcome,
      durationMs,
    });
  }

  /** The endpoint's policies, created on its first call and brought up to its settings. */
  private stateFor(endpoint: CallableEndpoint): EndpointState {
    const key = keyOf(endpoint);
    let state = this.states.get(key);
    if (state === undefined) {
      state = {
        owner: ownerFields(endpointOwner(endpoint)),
        timeoutMs: endpoint.timeoutMs,
        timeout: timeout(endpoint.timeoutMs, TimeoutStrategy.Aggressive),
        concurrencyMax: endpoint.concurrencyMax,
        bulkhead: new BulkheadPolicy(endpoint.concurrencyMax, 0),
        breakerSettings: endpoint.breaker,
        breaker: breakerFor(endpoint.breaker),
        inFlight: 0,
        window: new CallWindow(this.options.window),
        lastError: null,
      };
      this.states.set(key, state);
      return state;
    }
    if (state.timeoutMs !== endpoint.timeoutMs) {
      state.timeoutMs = endpoint.timeoutMs;
      state.timeout = timeout(endpoint.timeoutMs, TimeoutStrategy.Aggressive);
    }
    if (state.concurrencyMax !== endpoint.concurrencyMax) {
      state.concurrencyMax = endpoint.concurrencyMax;
      state.bulkhead = new BulkheadPolicy(endpoint.concurrencyMax, 0);
    }
    if (!sameBreaker(state.breakerSettings, endpoint.breaker)) {
      state.breakerSettings = endpoint.breaker;
      state.breaker = breakerFor(endpoint.breaker);
    }
    return state;
  }

  private healthOf(endpointId: string, state: EndpointState): EndpointHealth {
    const summary = state.window.summary(this.options.clock());
    return {
      ...state.owner,
      endpointId,
      breaker: breakerStates[state.breaker.state],
      inFlight: state.inFlight,
      windowMs: state.window.windowMs,
      ...summary,
      lastError: state.lastError,
    };
  }

  private idleHealth(endpoint: EndpointOwner & { readonly id: string }): EndpointHealth {
    return {
      ...ownerFields(endpointOwner(endpoint)),
      endpointId: endpoint.id,
      breaker: "closed",
      inFlight: 0,
      windowMs: this.options.window.windowMs,
      calls: 0,
      failures: 0,
      timeouts: 0,
      refused: 0,
      lastError: null,
      latencyMs: null,
    };
  }
}

/** Keyed by (owner, endpoint id): participant ids are unique across kinds and hold no space. */
function keyOf(endpoint: EndpointOwner & { readonly id: string }): string {
  return `${endpointOwner(endpoint).id} ${endpoint.id}`;
}
