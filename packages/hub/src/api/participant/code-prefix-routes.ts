import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { CodePrefixListSchema, codePrefixView } from "../code-prefix-view.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

/** The published routing table, read by every kind of participant. */
export const codePrefixRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/code-prefixes",
    {
      config: { operation: "code-prefixes.read" },
      schema: {
        summary: "The code-prefix routing table",
        description:
          "Every assigned prefix, in prefix order, with the issuer a consumer-presented payment code or a prepaid card number starting with it routes to. No prefix starts another, so a number matches at most one entry.",
        tags: ["merchants"],
        response: { 200: CodePrefixListSchema, ...participantProblems() },
      },
    },
    async () => ({ items: (await hub.codePrefixes.list()).map(codePrefixView) }),
  );
};
