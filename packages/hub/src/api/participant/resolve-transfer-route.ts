import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { TransferParams } from "./get-transfer-route.ts";
import { participantProblems } from "./participant-problems.ts";
import { ParticipantTransferSchema, participantTransferView } from "./participant-transfer-view.ts";

const actions = {
  commit: { summary: "Commit a reservation: the amount moves to the payee", state: "committed" },
  void: { summary: "Void a reservation: the amount returns to the payer", state: "voided" },
} as const;

export const resolveTransferRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  for (const [kind, action] of Object.entries(actions) as [
    keyof typeof actions,
    (typeof actions)[keyof typeof actions],
  ][]) {
    app.post(
      `/transfers/:transferId/${kind}`,
      {
        config: { operation: "transfers.resolve" },
        schema: {
          summary: action.summary,
          description: `Only the payer resolves its reservation. Asking again once it is ${action.state} answers the same transfer again with \`${replayedHeader}: true\`; a reservation resolved the other way, or expired, answers 409.`,
          tags: ["transfers"],
          params: TransferParams,
          response: {
            200: ParticipantTransferSchema,
            ...participantProblems(
              "transfer_not_found",
              "resolution_not_permitted",
              "pending_not_found",
              "already_committed",
              "already_voided",
              "pending_expired",
              "participant_inactive",
              "storage_unavailable",
            ),
          },
        },
      },
      async (request, reply) => {
        const participant = request.participant as Participant;
        const outcome = await hub.participantTransfers.resolve(
          participant,
          request.params.transferId,
          kind,
        );
        if (!outcome.ok) return sendProblem(reply, outcome.code);
        if (outcome.replayed) reply.header(replayedHeader, "true");
        return participantTransferView(outcome.transfer);
      },
    );
  }
};
