import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { transferPageSizeMax } from "../../app/transfers/participant-transfer-service.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { literalUnion } from "../literal-union.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";
import {
  ParticipantTransferSchema,
  participantTransferView,
  transferStates,
} from "./participant-transfer-view.ts";
import { readCursor, writeCursor } from "./transfer-cursor.ts";

const pageSizeDefault = 100;

const Query = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: transferPageSizeMax, default: pageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 200, description: "`next` of the previous page" }),
    ),
    from: Type.Optional(Type.String({ format: "date-time", description: "Created at or after" })),
    to: Type.Optional(Type.String({ format: "date-time", description: "Created before" })),
    counterparty: Type.Optional(
      Type.String({ maxLength: 63, description: "Only transfers with this participant" }),
    ),
    state: Type.Optional(literalUnion(transferStates)),
  },
  { additionalProperties: false },
);

function epochMs(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : Date.parse(iso);
}

export const listTransfersRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/transfers",
    {
      config: { operation: "transfers.read" },
      schema: {
        summary: "Transfers the caller is party to, newest first",
        description: `Pages of up to ${transferPageSizeMax} (default ${pageSizeDefault}). Pass \`next\` as \`cursor\` for the next page, with the same filters; \`next\` is null on the last page. Transfers committed while paging appear on the first page, never twice.`,
        tags: ["transfers"],
        querystring: Query,
        response: {
          200: Type.Object({
            transfers: Type.Array(ParticipantTransferSchema),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          ...participantProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const participant = request.participant as Participant;
      const { limit = pageSizeDefault, cursor, from, to, counterparty, state } = request.query;
      const after = cursor === undefined ? undefined : readCursor(cursor);
      if (cursor !== undefined && after === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.participantTransfers.list(
        {
          participantId: participant.id,
          counterpartyId: counterparty,
          state,
          createdFrom: epochMs(from),
          createdBefore: epochMs(to),
        },
        limit,
        after,
      );
      const last = page.at(-1);
      return {
        transfers: page.map(participantTransferView),
        next:
          page.length < limit || last === undefined
            ? null
            : writeCursor({ createdAt: last.createdAt, transferId: last.id }),
      };
    },
  );
};
