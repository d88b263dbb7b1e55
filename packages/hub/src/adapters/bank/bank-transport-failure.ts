import type { BankCallResult } from "../../app/ports/bank-connector.ts";

type Undelivered = Extract<BankCallResult<never>, { kind: "not_sent" | "unknown" }>;

/**
 * Socket errors raised before a connection existed, so before any byte of the request left:
 * the bank cannot have seen it. Everything else after the request started may have reached it.
 */
const notSentCodes: Readonly<Record<string, Extract<Undelivered, { kind: "not_sent" }>["cause"]>> =
  {
    ECONNREFUSED: "connection_refused",
    ENOTFOUND: "address_unresolved",
    EAI_AGAIN: "address_unresolved",
    EHOSTUNREACH: "host_unreachable",
    ENETUNREACH: "host_unreachable",
    EADDRNOTAVAIL: "host_unreachable",
    UND_ERR_CONNECT_TIMEOUT: "connect_timeout",
  };

/** Certificate and handshake failures: TLS fails before the HTTP request is written. */
const tlsCodePattern = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  // undici wraps the socket's error in its own; the innermost code says the most.
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    current = current.cause;
  }
  return codes;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${errorCodes(error)[0] ?? error.name} ${error.message}${cause}`;
}

/**
 * What a thrown transport error means for the call: `not_sent` only when the request provably
 * never left (no connection was made); otherwise `unknown`, because the bank may have received
 * it and acted. `timedOut` and `aborted` say which of the call's signals fired, if any.
 */
export function classifyTransportFailure(
  error: unknown,
  signals: { readonly timedOut: boolean; readonly aborted: boolean; readonly timeoutMs: number },
): Undelivered {
  for (const code of errorCodes(error)) {
    const cause = notSentCodes[code] ?? (tlsCodePattern.test(code) ? "tls_failed" : undefined);
    if (cause !== undefined) return { kind: "not_sent", cause, detail: describe(error) };
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
  return { kind: "unknown", cause: "connection_lost", detail: describe(error) };
}
