import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { type ProblemCode, problemCatalogue, problemContentType, problemFor } from "./problem.ts";

/** Node's codes for a request that never became one Fastify could handle. */
function clientErrorProblem(code: string | undefined): ProblemCode {
  if (code === "HPE_HEADER_OVERFLOW") return "headers_too_large";
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return "request_timeout";
  return "request_malformed";
}

/**
 * Answers what Node's HTTP parser refused (malformed framing, header fields over the size
 * limit, a request not received in time) as a problem like every other refusal, then closes
 * the connection: after a parse error nothing more on it can be trusted. Replaces Fastify's
 * default, which answers the same statuses with a body of its own shape.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const code = clientErrorProblem(error.code);
  const { status } = problemCatalogue[code];
  const body = JSON.stringify(problemFor(code));
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        "connection: close",
        `content-type: ${problemContentType}`,
        `content-length: ${Buffer.byteLength(body)}`,
        "",
        body,
      ].join("\r\n"),
    );
  }
  socket.destroy(error);
}
