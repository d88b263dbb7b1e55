import { notSentCause } from "@clearhub/wire";

/**
 * Failures of fetch that leave the caller without the hub's answer, sorted by what a retry
 * can do about them. The codes are undici's (Node's fetch) and the socket's, found on the
 * error's `cause`; a per-attempt timeout is a TimeoutError.
 */
export interface NetworkFailure {
  /** Worth another attempt: the same request may get through a moment later. */
  readonly transient: boolean;
  /**
   * The request may have reached the hub and been applied, with only the answer lost. False
   * only when no connection was ever made (refused, unresolved, unreachable, not opened in time,
   * TLS failed), so nothing was sent: the classification the hub uses for its own calls.
   */
  readonly mayHaveArrived: boolean;
  readonly reason: string;
}

const transientCodes: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * What a fetch rejection means, or undefined when it is not a network failure at all (a bug,
 * or the caller's own abort, which the caller handles). undici rejects with a TypeError whose
 * `cause` is the socket's error; the cause may itself wrap one.
 */
export function classifyNetworkFailure(error: unknown): NetworkFailure | undefined {
  if (error instanceof Error && error.name === "TimeoutError") {
    return {
      transient: true,
      mayHaveArrived: true,
      reason: "no answer within the attempt timeout",
    };
  }
  if (!(error instanceof TypeError) || error.cause === undefined) return undefined;
  const cause = error.cause as { cause?: unknown; message?: unknown };
  const code = codeOf(cause) ?? codeOf(cause.cause);
  const detail = typeof cause.message === "string" ? cause.message : String(cause);
  return {
    transient: code !== undefined && transientCodes.has(code),
    mayHaveArrived: notSentCause(error) === undefined,
    reason: `${error.message}: ${code === undefined ? detail : `${code} ${detail}`}`,
  };
}
