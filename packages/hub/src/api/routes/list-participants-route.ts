import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { ParticipantViewSchema, participantView } from "../participant-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import { participantIdLengthMax } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

export const participantPageSizeDefault = 100;
export const participantPageSizeMax = 500;

const Query = Type.Object({
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: participantPageSizeMax,
      default: participantPageSizeDefault,
      description: `Page size, default ${participantPageSizeDefault}`,
    }),
  ),
  after: Type.Optional(
    Type.String({
      maxLength: participantIdLengthMax,
      description: "The `nextCursor` of the previous page",
    }),
  ),
});

const Page = Type.Object({
  items: Type.Array(ParticipantViewSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: "Pass as `after` for the next page; null on the last page",
  }),
});

/** Keyset pagination by id: stable while participants are added, unlike offsets. */
export const listParticipantsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/participants",
    {
      schema: {
        summary: "List participants in id order",
        tags: ["participants"],
        querystring: Query,
        response: { 200: Page, ...operatorProblems() },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? participantPageSizeDefault;
      const participants = await hub.participants.list(limit, request.query.after);
      const last = participants[participants.length - 1];
      return {
        items: participants.map(participantView),
        nextCursor: participants.length === limit && last !== undefined ? last.id : null,
      };
    },
  );
};
