/**
 * Whether a request that failed in transport may have reached the hub: the SDK answers with the
 * classification the hub uses for its own calls (@clearhub/wire), so only a failure before any
 * connection existed says "never arrived", and a retry of a non-idempotent request is safe only
 * then. Errors are shaped as undici's fetch rejects: a TypeError whose cause is the socket's.
 */
import { describe, expect, it } from "vitest";
import { classifyNetworkFailure } from "../src/network-failure.ts";

function fetchFailure(code: string, nested = false): TypeError {
  const socket = Object.assign(new Error(`${code} socket`), { code });
  const cause = nested ? new Error("wrapped", { cause: socket }) : socket;
  return new TypeError("fetch failed", { cause });
}

describe("classifyNetworkFailure", () => {
  it("says a request never arrived when no connection was ever made", () => {
    for (const code of [
      "ECONNREFUSED",
      "ENOTFOUND",
      "EAI_AGAIN",
      "EHOSTUNREACH",
      "UND_ERR_CONNECT_TIMEOUT",
      "ERR_TLS_CERT_ALTNAME_INVALID",
    ]) {
      expect(classifyNetworkFailure(fetchFailure(code))?.mayHaveArrived, code).toBe(false);
    }
    expect(classifyNetworkFailure(fetchFailure("ECONNREFUSED", true))?.mayHaveArrived).toBe(false);
  });

  it("says it may have arrived once a connection existed, or when nothing tells", () => {
    for (const code of ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_HEADERS_TIMEOUT"]) {
      expect(classifyNetworkFailure(fetchFailure(code))?.mayHaveArrived, code).toBe(true);
    }
    const uncoded = new TypeError("fetch failed", { cause: new Error("other side hung up") });
    expect(classifyNetworkFailure(uncoded)?.mayHaveArrived).toBe(true);
    const timedOut = Object.assign(new Error("timed out"), { name: "TimeoutError" });
    expect(classifyNetworkFailure(timedOut)).toMatchObject({ mayHaveArrived: true });
  });

  it("keeps what a retry can do as before: a refused connection is transient", () => {
    expect(classifyNetworkFailure(fetchFailure("ECONNREFUSED"))?.transient).toBe(true);
    expect(classifyNetworkFailure(fetchFailure("ENOTFOUND"))?.transient).toBe(false);
  });
});
