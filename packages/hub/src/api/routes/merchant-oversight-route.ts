import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { merchantPageSizeMax } from "../../app/merchants/merchant-directory.ts";
import {
  MerchantPageQuery,
  merchantPageSizeDefault,
  nextMerchantCursor,
  readMerchantCursor,
} from "../merchant-page.ts";
import { MerchantSchema, merchantView, sendMerchantProblem } from "../merchant-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

/** The operator's view of an acquirer's merchants. */
export const merchantOversightRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/participants/:participantId/merchants",
    {
      schema: {
        summary: "An acquirer's merchants, newest first",
        description: `Closed ones included. Pages of up to ${merchantPageSizeMax} (default ${merchantPageSizeDefault}); pass \`nextCursor\` as \`cursor\` for the next page.`,
        tags: ["merchants"],
        params: ParticipantParams,
        querystring: MerchantPageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(MerchantSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...operatorProblems(
            "cursor_invalid",
            "participant_not_found",
            "participant_not_acquirer",
          ),
        },
      },
    },
    async (request, reply) => {
      const { limit = merchantPageSizeDefault, cursor } = request.query;
      const after = cursor === undefined ? undefined : readMerchantCursor(cursor);
      if (cursor !== undefined && after === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.merchants.listForOperator(request.params.participantId, limit, after);
      if (!page.ok) return sendMerchantProblem(reply, page);
      return {
        items: page.value.map(merchantView),
        nextCursor: nextMerchantCursor(page.value, limit),
      };
    },
  );
};
