/**
 * The body limit, held before anything reads a body. Fastify's own limit applies only where a
 * route parses one, and only once the body arrives: a request refused earlier (unsigned, to a
 * route that takes no body, to none) would still have its whole body read off the socket and
 * discarded before the connection could serve another request.
 */
import type { Socket } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "./problem.ts";

/**
 * Refuses, on arrival and on every route, a request whose declared Content-Length is over the
 * limit: nothing of it is authenticated, routed or read. A chunked body, which declares no
 * length, is refused by the route's parser as soon as it passes the limit.
 */
export function refuseDeclaredOversizedBody(bodyBytesMax: number) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(request.headers["content-length"]);
    if (declared > bodyBytesMax) return sendProblem(reply, "body_too_large");
    return undefined;
  };
}

/**
 * How long a connection answered before its body arrived is held open, reading nothing more,
 * before it is destroyed: time for the sender to read the answer.
 */
const unreadBodyLingerMs = 2_000;

/**
 * Closes the connection after an answer given before the request's body was all received (an
 * authentication refusal, an oversized body, a route that reads none): keeping it open would
 * mean reading the rest of that body first, however long the sender makes it.
 */
export async function closeConnectionOnUnreadBody(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  // Only a real socket's message has `complete`; injected requests are whole by construction.
  if (request.raw.complete === false) {
    reply.header("connection", "close");
    lingerBeforeClosing(request.raw.socket);
  }
  return payload;
}

/**
 * Node closes a `connection: close` socket as soon as the answer is written (destroySoon). With
 * body bytes still unread, the kernel then resets the connection, and the reset can reach the
 * sender before it has read the answer: it would see a broken connection instead of the refusal.
 * So the answer is followed by a FIN, the socket stops reading (the sender stalls once the
 * buffers are full), and it is destroyed only after the linger: bounded in time and in bytes.
 */
function lingerBeforeClosing(socket: Socket): void {
  socket.destroySoon = () => {
    socket.pause();
    socket.end();
    const linger = setTimeout(() => socket.destroy(), unreadBodyLingerMs);
    socket.once("close", () => clearTimeout(linger));
  };
}
