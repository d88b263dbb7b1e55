import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { agreementPageSizeMax } from "../../app/agreements/agreement-service.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { AgreementSchema, agreementView } from "./agreement-view.ts";
import { participantProblems } from "./participant-problems.ts";
import { readCursor, writeCursor } from "./transfer-cursor.ts";

const pageSizeDefault = 100;

const Query = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: agreementPageSizeMax, default: pageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 200, description: "`next` of the previous page" }),
    ),
  },
  { additionalProperties: false },
);

export const listAgreementsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/agreements",
    {
      config: { operation: "agreements.read" },
      schema: {
        summary: "Your agreements, newest first",
        description: `Pages of up to ${agreementPageSizeMax} (default ${pageSizeDefault}). Pass \`next\` as \`cursor\` for the next page; \`next\` is null on the last page.`,
        tags: ["agreements"],
        querystring: Query,
        response: {
          200: Type.Object({
            agreements: Type.Array(AgreementSchema),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          ...participantProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const institution = request.participant as Participant;
      const { limit = pageSizeDefault, cursor } = request.query;
      const after = cursor === undefined ? undefined : readCursor(cursor);
      if (cursor !== undefined && after === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.agreements.list(
        institution,
        limit,
        after && { createdAt: after.createdAt, id: after.transferId },
      );
      const last = page.at(-1);
      return {
        agreements: page.map(agreementView),
        next:
          page.length < limit || last === undefined
            ? null
            : writeCursor({ createdAt: last.createdAt, transferId: last.id }),
      };
    },
  );
};
