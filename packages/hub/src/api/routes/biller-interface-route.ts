import { billerInterfaceDocument, billerInterfacePath } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/**
 * The biller interface's OpenAPI document, published so that a biller can implement it. Built
 * once: it depends on the code alone. Left out of the hub's own document, which describes the
 * routes the hub serves, and mentioned in its description instead.
 */
export const billerInterfaceRoute: FastifyPluginAsyncTypebox = async (app) => {
  const document = billerInterfaceDocument();
  app.get(billerInterfacePath, { schema: { hide: true } }, async () => document);
};
