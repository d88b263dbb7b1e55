import { walletInterfaceDocument, walletInterfacePath } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/**
 * The wallet interface's OpenAPI document, published so that a wallet or prepaid card issuer
 * can implement it. Built once: it depends on the code alone. Left out of the hub's own
 * document, which describes the routes the hub serves, and mentioned in its description instead.
 */
export const walletInterfaceRoute: FastifyPluginAsyncTypebox = async (app) => {
  const document = walletInterfaceDocument();
  app.get(walletInterfacePath, { schema: { hide: true } }, async () => document);
};
