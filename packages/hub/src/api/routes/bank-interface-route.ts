import { bankInterfaceDocument, bankInterfacePath } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/**
 * The bank interface's OpenAPI document, published so that a bank can implement it. Built once:
 * it depends on the code alone. Left out of the hub's own document, which describes the routes
 * the hub serves, and mentioned in its description instead.
 */
export const bankInterfaceRoute: FastifyPluginAsyncTypebox = async (app) => {
  const document = bankInterfaceDocument();
  app.get(bankInterfacePath, { schema: { hide: true } }, async () => document);
};
