import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import {
  participantIdPattern,
  participantKinds,
  participantStatuses,
} from "../../domain/participant/participant.ts";
import { literalUnion } from "../literal-union.ts";
import { ParticipantDetailSchema, participantDetail } from "../participant-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { participantIdLengthMax } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

export const participantPageSizeDefault = 100;
export const participantPageSizeMax = 500;

const Query = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: participantPageSizeMax,
        default: participantPageSizeDefault,
        description: `Page size, default ${participantPageSizeDefault}`,
      }),
    ),
    cursor: Type.Optional(
      Type.String({
        maxLength: participantIdLengthMax,
        description: "The `nextCursor` of the previous page, with the same filters",
      }),
    ),
    after: Type.Optional(
      Type.String({
        maxLength: participantIdLengthMax,
        description: "The same as `cursor`, under its earlier name",
      }),
    ),
    kind: Type.Optional(literalUnion(participantKinds, { description: "Only of this kind" })),
    status: Type.Optional(
      literalUnion(participantStatuses, { description: "Only in this status" }),
    ),
  },
  { additionalProperties: false },
);

const Page = Type.Object({
  items: Type.Array(ParticipantDetailSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: "Pass as `cursor` for the next page; null on the last page",
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
        summary: "List participants in id order, with their accounts",
        description:
          "Filters combine; a filter the route does not know is refused (`request_invalid`), never ignored.",
        tags: ["participants"],
        querystring: Query,
        response: { 200: Page, ...operatorProblems("cursor_invalid") },
      },
    },
    async (request, reply) => {
      const { limit = participantPageSizeDefault, cursor, after, kind, status } = request.query;
      const from = cursor ?? after;
      const conflicting = cursor !== undefined && after !== undefined && cursor !== after;
      if (conflicting || (from !== undefined && !participantIdPattern.test(from))) {
        return sendProblem(reply, "cursor_invalid");
      }
      const page = await hub.participants.listWithAccounts(limit, from, { kind, status });
      const rules = await hub.funds.reserveCaps(page.map(({ participant }) => participant.id));
      const last = page.at(-1);
      return {
        items: page.map(({ participant, accounts }) =>
          participantDetail(participant, accounts, rules.get(participant.id)),
        ),
        nextCursor: page.length === limit && last !== undefined ? last.participant.id : null,
      };
    },
  );
};
