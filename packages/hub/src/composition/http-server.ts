import type { ApiServices } from "../api/api-services.ts";
import { type ApiServer, buildServer, type ServerOptions } from "../api/server.ts";
import type { LifecycleStack } from "./lifecycle-stack.ts";

export interface ListenAddress {
  readonly host: string;
  /** 0 lets the system pick a free port. */
  readonly port: number;
}

/**
 * The HTTP API over a hub, listening. Its close is pushed before it listens, so a listen that
 * fails (a port in use) still closes the server; requests in flight finish before it stops.
 */
export async function startHttpServer(
  hub: ApiServices,
  address: ListenAddress,
  options: ServerOptions,
  stack: LifecycleStack,
): Promise<ApiServer> {
  const server = await buildServer(hub, options);
  stack.push("http server", () => server.close());
  await server.listen({ host: address.host, port: address.port });
  return server;
}
