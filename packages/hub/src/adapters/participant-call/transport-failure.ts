import { describeTransportError, notSentCause } from "@clearhub/wire";
import type { CallNotSent, CallUnknown } from "../../app/ports/participant-call.ts";

/**
 * What a thrown transport error means for the call: `not_sent` only when the request provably
 * never left (no connection was made: the classification the SDK shares, in @clearhub/wire);
 * otherwise `unknown`, because the callee may have received it and acted. `timedOut` and
 * `aborted` say which of the call's signals fired, if any.
 */
export function classifyTransportFailure(
  error: unknown,
  signals: { readonly timedOut: boolean; readonly aborted: boolean; readonly timeoutMs: number },
): CallNotSent | CallUnknown {
  const cause = notSentCause(error);
  if (cause !== undefined) {
    return { kind: "not_sent", cause, detail: describeTransportError(error) };
  }
  if (signals.timedOut) {
    return {
      kind: "unknown",
      cause: "timeout",
      detail: `no answer within ${signals.timeoutMs} ms`,
    };
  }
  if (signals.aborted) {
    return { kind: "unknown", cause: "aborted", detail: "the caller aborted the call" };
  }
  return { kind: "unknown", cause: "connection_lost", detail: describeTransportError(error) };
}
