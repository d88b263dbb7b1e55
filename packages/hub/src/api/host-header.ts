import type { FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "./problem.ts";

/**
 * Node's own refusal of an HTTP/1.1 request without a Host header (a bare 400, no body) is
 * turned off where the server is built, so that the check is made here and the refusal is a
 * problem like every other.
 */
export const nodeHttpOptions = { requireHostHeader: false } as const;

export async function requireHostHeader(request: FastifyRequest, reply: FastifyReply) {
  if (request.raw.httpVersion === "1.1" && request.headers.host === undefined) {
    return sendProblem(reply, "request_malformed", {
      detail: "An HTTP/1.1 request must carry a Host header",
    });
  }
  return undefined;
}
