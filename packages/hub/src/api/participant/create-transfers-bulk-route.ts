import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { NewTransfer } from "../../app/transfers/participant-transfer-service.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { problemCatalogue, sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import type { CreateAnswer } from "./create-transfer-route.ts";
import { participantProblems, transferRefusalProblems } from "./participant-problems.ts";
import { ParticipantTransferSchema, participantTransferView } from "./participant-transfer-view.ts";
import { bulkTransfersMax, NewTransferInput, readNewTransfer } from "./transfer-input.ts";

const Body = Type.Object(
  {
    transfers: Type.Array(NewTransferInput, {
      minItems: 1,
      maxItems: bulkTransfersMax,
      description: `1..${bulkTransfersMax} transfers, each answered on its own`,
    }),
  },
  { additionalProperties: false },
);

const ItemResult = Type.Object(
  {
    id: Type.String(),
    status: Type.Integer({
      description: "The status POST /v1/transfers would have answered for this transfer alone",
    }),
    replayed: Type.Optional(Type.Boolean()),
    transfer: Type.Optional(ParticipantTransferSchema),
    code: Type.Optional(Type.String({ description: "The problem code of a refused transfer" })),
  },
  { title: "BulkTransferResult" },
);

function itemResult(id: string, answer: CreateAnswer) {
  if (!answer.ok) return { id, status: problemCatalogue[answer.code].status, code: answer.code };
  return {
    id,
    status: 201,
    replayed: answer.replayed,
    transfer: participantTransferView(answer.transfer),
  };
}

export const createTransfersBulkRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/transfers/bulk",
    {
      config: { operation: "transfers.create" },
      // Before the schema: an oversized batch is refused without checking its items.
      preValidation: async (request, reply) => {
        const items = (request.body as { transfers?: unknown } | undefined)?.transfers;
        if (!Array.isArray(items) || items.length <= bulkTransfersMax) return undefined;
        return sendProblem(reply, "batch_too_large", {
          detail: `${items.length} transfers; at most ${bulkTransfersMax} per request`,
        });
      },
      schema: {
        summary: `Up to ${bulkTransfersMax} transfers in one request`,
        description: `Each transfer is read, checked and applied on its own, with the same rules and idempotency as \`POST /v1/transfers\`, and answers its own result, in request order: one refused transfer does not stop the others. Problem codes an item can carry: ${transferRefusalProblems.map((code) => `\`${code}\``).join(", ")}.`,
        tags: ["transfers"],
        body: Body,
        response: {
          200: Type.Object({ results: Type.Array(ItemResult) }),
          ...participantProblems("batch_too_large"),
        },
      },
    },
    async (request) => {
      const payer = request.participant as Participant;
      const answers: CreateAnswer[] = [];
      const valid: { index: number; transfer: NewTransfer }[] = [];
      request.body.transfers.forEach((input, index) => {
        const read = readNewTransfer(input);
        if (read.ok) valid.push({ index, transfer: read.value });
        else answers[index] = read;
      });
      const outcomes = await hub.participantTransfers.create(
        payer,
        valid.map((item) => item.transfer),
      );
      valid.forEach((item, position) => {
        answers[item.index] = outcomes[position] as CreateAnswer;
      });
      return {
        results: request.body.transfers.map((input, index) =>
          itemResult(input.id, answers[index] as CreateAnswer),
        ),
      };
    },
  );
};
