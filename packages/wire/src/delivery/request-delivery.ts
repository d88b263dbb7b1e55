/**
 * Did a request that failed in transport leave the caller? The one answer every clearhub client
 * gives: the hub calling a participant's system (bank, biller, wallet) and a participant's SDK
 * calling the hub. A request surely never left only when no connection was ever made: the name
 * did not resolve, the host was unreachable, the connection was refused or not opened in time,
 * or TLS failed before the request was written. After a connection exists, any failure (a reset,
 * a timeout, a closed socket) may come after the other side read the request and acted on it.
 *
 * The codes are the socket's (libuv) and undici's (Node's fetch and `undici.request`), found on
 * the error or on its `cause` chain: undici wraps the socket's error in its own.
 */

/** Why a request surely never reached the other side: failing or retrying it is safe. */
export type NotSentCause =
  | "connection_refused"
  | "address_unresolved"
  | "host_unreachable"
  | "connect_timeout"
  | "tls_failed";

const notSentCodes: Readonly<Record<string, NotSentCause>> = {
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

/** How deep the cause chain is followed: undici nests two levels; a bound like every loop. */
const causeDepthMax = 4;

/** The string codes on the error and its causes, outermost first. */
export function transportErrorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < causeDepthMax && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    current = current.cause;
  }
  return codes;
}

/**
 * The cause when the error proves the request never left, else undefined: the request may have
 * arrived (or the error is not a transport error at all, which the caller judges).
 */
export function notSentCause(error: unknown): NotSentCause | undefined {
  for (const code of transportErrorCodes(error)) {
    const cause = notSentCodes[code] ?? (tlsCodePattern.test(code) ? "tls_failed" : undefined);
    if (cause !== undefined) return cause;
  }
  return undefined;
}

/** A one-line account of a transport error for logs and traces: its code and messages. */
export function describeTransportError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${transportErrorCodes(error)[0] ?? error.name} ${error.message}${cause}`;
}
