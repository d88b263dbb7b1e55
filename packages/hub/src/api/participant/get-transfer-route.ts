import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { transferIdLengthMax } from "../../domain/ledger/transfer.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";
import { ParticipantTransferSchema, participantTransferView } from "./participant-transfer-view.ts";

export const TransferParams = Type.Object({
  transferId: Type.String({ minLength: 1, maxLength: transferIdLengthMax }),
});

export const getTransferRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/transfers/:transferId",
    {
      config: { operation: "transfers.read" },
      schema: {
        summary: "A transfer the caller is party to, as it is now",
        description:
          "A transfer the caller is neither payer nor payee of answers 404, exactly as one that does not exist.",
        tags: ["transfers"],
        params: TransferParams,
        response: { 200: ParticipantTransferSchema, ...participantProblems("transfer_not_found") },
      },
    },
    async (request, reply) => {
      const participant = request.participant as Participant;
      const found = await hub.participantTransfers.find(participant, request.params.transferId);
      if (!found.ok) return sendProblem(reply, found.code);
      return participantTransferView(found.transfer);
    },
  );
};
