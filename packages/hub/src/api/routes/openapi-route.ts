import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { openapiPath } from "../openapi-document.ts";

/** The OpenAPI 3.1 document at a stable, conventional path (the UI at /docs reads its own copy). */
export const openapiRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(openapiPath, { schema: { hide: true } }, async () => app.swagger());
};
