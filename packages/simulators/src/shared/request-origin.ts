import type { FastifyRequest } from "fastify";

/**
 * The absolute URL the hub signed, as the simulator sees the request: the configured public origin
 * when the simulator sits behind a proxy, else the origin the request arrived at.
 */
export function requestUrl(request: FastifyRequest, publicOrigin: string | undefined): string {
  const origin = publicOrigin ?? `${request.protocol}://${request.host}`;
  return `${origin}${request.url}`;
}
