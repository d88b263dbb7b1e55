import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { BillerPageQuery, billerListQuery, NextCursor, nextBillerCursor } from "../biller-page.ts";
import { BillerCatalogueEntrySchema, billerCatalogueEntry } from "../biller-view.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

const BillerParams = Type.Object({
  billerId: Type.String({
    minLength: 1,
    maxLength: 64,
    description: "The biller's participant id",
  }),
});

/** The billers channels can present and pay, read by payment institutions and banks. */
export const billerCatalogueRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/billers",
    {
      config: { operation: "billers.read" },
      schema: {
        summary: "The biller catalogue, for a channel to sync",
        description:
          "Every biller with a profile, by `updatedAt` then id. Sync by keeping the largest `updatedAt` read and asking with it as `updatedSince`: a change of profile or of the biller's status moves `updatedAt`. Billers that are not `active` stay listed with their status (a channel must stop offering them), so that a sync sees a suspension and a termination, which leaving them out would hide.",
        tags: ["billers"],
        querystring: BillerPageQuery,
        response: {
          200: Type.Object({ billers: Type.Array(BillerCatalogueEntrySchema), next: NextCursor }),
          ...participantProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const query = billerListQuery(request.query);
      if (query === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.billers.list(query);
      return { billers: page.map(billerCatalogueEntry), next: nextBillerCursor(page, query.limit) };
    },
  );

  app.get(
    "/billers/:billerId",
    {
      config: { operation: "billers.read" },
      schema: {
        summary: "One biller of the catalogue",
        tags: ["billers"],
        params: BillerParams,
        response: {
          200: BillerCatalogueEntrySchema,
          ...participantProblems("biller_not_found"),
        },
      },
    },
    async (request, reply) => {
      const found = await hub.billers.find(request.params.billerId);
      // Channels are told only that there is no such biller, not what else the id may be.
      if (!found.ok) return sendProblem(reply, "biller_not_found");
      return billerCatalogueEntry(found.value);
    },
  );
};
