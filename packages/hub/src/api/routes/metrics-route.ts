import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { RouteOptions } from "./route-options.ts";

/**
 * The Prometheus scrape target. Like /health it takes no token, so a scraper needs no
 * credentials; it reveals traffic and error rates, so operators keep it off the public
 * network. It is left out of the OpenAPI document (as /openapi.json is): its body is the
 * Prometheus text format, not JSON, and its reader is a scraper, not an API client.
 */
export const metricsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    const { contentType, body } = await hub.metrics.render();
    return reply.type(contentType).send(body);
  });
};
