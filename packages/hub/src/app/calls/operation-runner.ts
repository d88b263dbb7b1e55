import type { CallableEndpoint } from "../../domain/calls/callable-endpoint.ts";
import { endpointOwner } from "../../domain/calls/callable-endpoint.ts";
import { takeUpDelayMs } from "../../domain/calls/take-up-delay.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";
import type { OperationStore, RunnableOperation } from "../ports/operation-store.ts";
import type { ParticipantCallLog } from "../ports/participant-call-log.ts";
import { type CallVerdict, guardedCall, type ParticipantCall } from "./guarded-call.ts";

/** What was learnt about an operation: from its call, an inquiry or the callee's notice. */
export interface OperationOutcomeShape {
  readonly kind: "succeeded" | "failed" | "pending" | "unknown";
}

/** Sent, with no answer to rely on: the same for every kind. */
export interface UnknownOutcome {
  readonly kind: "unknown";
}

export type EndpointChoice =
  | { readonly ok: true; readonly endpoint: CallableEndpoint }
  | { readonly ok: false; readonly code: string };

/** The interface's refusal as the runner sees it: a code and the callee's reason. */
export type OperationRefusal = {
  readonly kind: "refused";
  readonly code: string;
  readonly reason: string;
};

/**
 * The callee's capacity's word on one call, asked before the guard: admitted with a release to
 * call when the call ends, or shed (nothing is sent; the breaker counts nothing).
 */
export type CallAdmission =
  | { readonly admitted: true; release(): Promise<void> }
  | { readonly admitted: false; readonly detail: string };

/** How waits between take-ups grow: doubling from the first, capped. */
export interface TakeUpBackoff {
  readonly firstInquiryDelayMs: number;
  readonly inquiryDelayCapMs: number;
}

/**
 * What one kind of operation on participants' systems supplies to the runner. Bank operations
 * (debits, credits, refunds; bank-operation-kind.ts) are the first. A second kind, such as a bill
 * posting to a biller, supplies:
 * - its store (`OperationStore`) and how an operation is keyed in it;
 * - `clear`: bank operations reserve a pending transfer; a posting has nothing to do (its money
 *   cleared as a posted transfer when the payment was accepted);
 * - `resolve`: on success banks commit the reservation and on failure void it; a posting does
 *   nothing on success and on failure posts the reversal (biller → channel) under an id derived
 *   from the posting's, so it happens exactly once;
 * - `whenNotSent`: banks fail at once (nothing reached the bank); a posting answers `retry` (the
 *   runner takes it up again with backoff) until its deadline of days, then fails;
 * - `takeUp`: banks always inquire; a posting not yet delivered is posted again under its id;
 * - the endpoint to call, the inquiry call and how its answers and refusals read as outcomes;
 * - `apply` (its domain's state transition) and the events a settled operation raises.
 */
export interface OperationKind<
  Operation extends RunnableOperation,
  Key extends unknown[],
  Answer,
  Outcome extends OperationOutcomeShape,
> {
  /** For errors and logs. */
  readonly name: string;
  readonly store: OperationStore<Operation, Key>;
  readonly backoff: TakeUpBackoff;
  keyOf(operation: Operation): Key;
  isSettled(operation: Operation): boolean;
  /** The participant and transaction id the trace files the operation's calls under. */
  transactionIdOf(operation: Operation): string;
  /** The name of the operation's own call in the trace (`debit`, `posting`). */
  callNameOf(operation: Operation): string;
  /** Clears the money before the call; an outcome (a failure) when it cannot. */
  clear(operation: Operation): Promise<Outcome | undefined>;
  endpointFor(operation: Operation): Promise<EndpointChoice>;
  /** Nothing reached the callee (or no endpoint could be called): fail, or `retry` later. */
  whenNotSent(operation: Operation, detail: string): Outcome | "retry";
  /** What an answer or a refusal of the operation's own call or an inquiry says. */
  outcomeOfAnswer(answer: Answer): Outcome;
  outcomeOfRefusal(refusal: OperationRefusal): Outcome;
  /** The interface's refusals that say the endpoint is unwell (counted by its breaker). */
  unwell(refusal: OperationRefusal): boolean;
  /** How a due operation is taken up: asked about, or its own call sent again. */
  takeUp(
    operation: Operation,
  ):
    | { readonly by: "inquiry"; readonly call: ParticipantCall<Answer, OperationRefusal> }
    | { readonly by: "call"; readonly call: ParticipantCall<Answer, OperationRefusal> };
  /**
   * The money's side of a final outcome, before the state is written. It must be idempotent
   * (ledger ids derived from the operation's): after a crash it is done again.
   */
  resolve(operation: Operation, outcome: Outcome): Promise<void>;
  /** The operation after the outcome, or undefined when its state does not allow the move. */
  apply(
    operation: Operation,
    outcome: Outcome | UnknownOutcome,
    at: number,
    nextTakeUpAt: number,
  ): Operation | undefined;
  /** The events a settled operation raises, written with its state. */
  events(settled: Operation): readonly PreparedEvent[];
  /**
   * Optional: a success the hub cannot accept as it stands, turned into the outcome it stands
   * for, before its money's side. A barcode payment the issuer approved past the customer's
   * daily limit becomes a failure that must be undone at the issuer. Called on every path a
   * success arrives by (the call, an inquiry, a notice), so it must be idempotent.
   */
  vet?(operation: Operation, outcome: Outcome): Promise<Outcome>;
  /**
   * Optional: asks the callee's declared capacity before each call (billers' postings go
   * through the admission gate). A shed call is `not_sent`: the kind's `whenNotSent` decides.
   */
  admit?(operation: Operation, endpoint: CallableEndpoint): Promise<CallAdmission>;
}

/**
 * The one state machine of every operation the hub runs on a participant's system: it is
 * recorded (by the kind's service), cleared in the ledger, called through the endpoint's guard,
 * then resolved on a final outcome (commit or void, a reversal) or left `unknown`/`pending` for
 * a status inquiry. Each kind fills in those steps (see `OperationKind`).
 *
 * Crash safety: the money's step (clear, resolve) is written before the state, and each ledger
 * step has an id derived from the operation's, so a crash between the two is repaired by doing
 * both again: the ledger answers `exists`, the state is written once. The state is written only
 * if it is still the one read (`update` with the expected state), so a notice, an inquiry and
 * the first call racing one another settle the operation once; the loser re-reads it. An
 * operation whose node died mid-call is still `processing` with its first take-up due after the
 * longest call could last, so the inquiry job picks it up on any node.
 */
export class OperationRunner<
  Operation extends RunnableOperation,
  Key extends unknown[],
  Answer,
  Outcome extends OperationOutcomeShape,
> {
  constructor(
    readonly kind: OperationKind<Operation, Key, Answer, Outcome>,
    private readonly guard: EndpointGuard,
    private readonly callLog: ParticipantCallLog,
    private readonly clock: () => number,
  ) {}

  /** Runs a freshly recorded operation to the end of its call. */
  async run(
    operation: Operation,
    call: ParticipantCall<Answer, OperationRefusal>,
  ): Promise<Operation> {
    const refused = await this.kind.clear(operation);
    if (refused !== undefined) return this.settle(operation, refused);
    return this.callOwn(operation, call, 1);
  }

  /** Takes up a due operation as its kind says: an inquiry, or its call sent again. */
  async takeUp(operation: Operation): Promise<Operation> {
    const way = this.kind.takeUp(operation);
    if (way.by === "call") return this.callOwn(operation, way.call, operation.inquiries + 1);
    return this.inquire(operation, way.call);
  }

  /** Asks the callee where the operation stands, and applies the answer. */
  async inquire(
    operation: Operation,
    call: ParticipantCall<Answer, OperationRefusal>,
  ): Promise<Operation> {
    const route = await this.kind.endpointFor(operation);
    if (!route.ok) return this.reschedule(operation);
    // The claim counted this inquiry already; an operator's inquire-now did not.
    const attempt = Math.max(operation.inquiries, 1);
    const verdict = await this.callThroughGuard(
      operation,
      route.endpoint,
      "inquiry",
      attempt,
      call,
    );
    if (verdict.kind !== "answered") return this.reschedule(operation);
    const outcome = this.kind.outcomeOfAnswer(verdict.answer);
    if (outcome.kind === "pending" && operation.state === "pending") {
      return this.reschedule(operation);
    }
    return this.settle(operation, outcome);
  }

  /**
   * Applies an outcome: the money first (the kind's resolve), then the state with its events. A
   * settled operation is answered as it is.
   */
  async settle(operation: Operation, outcome: Outcome | UnknownOutcome): Promise<Operation> {
    if (this.kind.isSettled(operation)) return operation;
    if (outcome.kind === "succeeded" && this.kind.vet !== undefined) {
      outcome = await this.kind.vet(operation, outcome as Outcome);
    }
    if (outcome.kind === "succeeded" || outcome.kind === "failed") {
      await this.kind.resolve(operation, outcome as Outcome);
    }
    const now = this.clock();
    const next = this.kind.apply(operation, outcome, now, now + this.delayMs(operation));
    if (next !== undefined) {
      const events = this.kind.isSettled(next) ? this.kind.events(next) : [];
      const written = await this.kind.store.update(next, operation.state, events);
      if (written.ok) return written.operation;
    }
    return this.current(operation);
  }

  private async callOwn(
    operation: Operation,
    call: ParticipantCall<Answer, OperationRefusal>,
    attempt: number,
  ): Promise<Operation> {
    const route = await this.kind.endpointFor(operation);
    if (!route.ok) return this.notSent(operation, route.code);
    const name = this.kind.callNameOf(operation);
    const verdict = await this.callThroughGuard(operation, route.endpoint, name, attempt, call);
    switch (verdict.kind) {
      case "answered":
        return this.settle(operation, this.kind.outcomeOfAnswer(verdict.answer));
      case "refused":
        return this.settle(operation, this.kind.outcomeOfRefusal(verdict));
      case "not_sent":
        return this.notSent(operation, verdict.detail);
      case "unknown":
        return this.settle(operation, { kind: "unknown" });
    }
  }

  private notSent(operation: Operation, detail: string): Promise<Operation> {
    const decided = this.kind.whenNotSent(operation, detail);
    return decided === "retry" ? this.reschedule(operation) : this.settle(operation, decided);
  }

  /**
   * One call through the endpoint's guard, recorded for the operator's trace: one insert after
   * the answer, off the ledger's path. A failed record loses that row of the trace, never the
   * outcome, which is what the money depends on.
   */
  private async callThroughGuard(
    operation: Operation,
    endpoint: CallableEndpoint,
    name: string,
    attempt: number,
    call: ParticipantCall<Answer, OperationRefusal>,
  ): Promise<CallVerdict<Answer, OperationRefusal>> {
    const admission = await this.kind.admit?.(operation, endpoint);
    if (admission !== undefined && !admission.admitted) {
      return { kind: "not_sent", detail: admission.detail };
    }
    const at = this.clock();
    const started = performance.now();
    const verdict = await guardedCall(this.guard, endpoint, call, (refusal) =>
      this.kind.unwell(refusal),
    ).finally(() => admission?.release().catch(() => undefined));
    const latencyMs = Math.round(performance.now() - started);
    await this.callLog
      .record({
        at,
        participantId: endpointOwner(endpoint).id,
        endpointId: endpoint.id,
        transactionId: this.kind.transactionIdOf(operation),
        call: name,
        attempt,
        ...verdictSummary(verdict),
        latencyMs,
      })
      .catch(() => undefined);
    return verdict;
  }

  private delayMs(operation: Operation): number {
    const { firstInquiryDelayMs, inquiryDelayCapMs } = this.kind.backoff;
    return takeUpDelayMs(operation.inquiries, firstInquiryDelayMs, inquiryDelayCapMs);
  }

  private async reschedule(operation: Operation): Promise<Operation> {
    const next = { ...operation, nextInquiryAt: this.clock() + this.delayMs(operation) };
    const written = await this.kind.store.update(next, operation.state);
    return written.ok ? written.operation : this.current(operation);
  }

  private async current(operation: Operation): Promise<Operation> {
    const current = await this.kind.store.find(...this.kind.keyOf(operation));
    if (current === undefined) {
      throw new Error(
        `${this.kind.name} operation ${this.kind.keyOf(operation).join("/")} vanished`,
      );
    }
    return current;
  }
}

/** How a call ended, in the words of the trace. */
function verdictSummary(verdict: CallVerdict<unknown, OperationRefusal>): {
  outcome: string;
  detail: string | null;
} {
  switch (verdict.kind) {
    case "answered": {
      const status = (verdict.answer as { status?: unknown }).status;
      return {
        outcome: typeof status === "string" ? `answered:${status}` : "answered",
        detail: null,
      };
    }
    case "refused":
      return { outcome: `refused:${verdict.code}`, detail: verdict.reason };
    case "not_sent":
      return { outcome: "not_sent", detail: verdict.detail };
    case "unknown":
      return { outcome: "unknown", detail: verdict.detail };
  }
}
