import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { TransferOutcome } from "../../app/transfers/participant-transfer-service.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { ApiServices } from "../api-services.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems, transferRefusalProblems } from "./participant-problems.ts";
import { ParticipantTransferSchema, participantTransferView } from "./participant-transfer-view.ts";
import { NewTransferInput, readNewTransfer, type TransferInputRead } from "./transfer-input.ts";

export const replayedHeader = "idempotent-replayed";

export type CreateAnswer = TransferOutcome | Extract<TransferInputRead, { ok: false }>;

/** Reads and submits one transfer; a malformed amount is refused without reaching the ledger. */
export async function createTransfer(
  hub: ApiServices,
  payer: Participant,
  input: NewTransferInput,
): Promise<CreateAnswer> {
  const read = readNewTransfer(input);
  if (!read.ok) return read;
  const [outcome] = await hub.participantTransfers.create(payer, [read.value]);
  if (outcome === undefined) throw new Error("one transfer submitted, none answered");
  return outcome;
}

export const createTransferRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/transfers",
    {
      config: { operation: "transfers.create" },
      schema: {
        summary: "Pay another participant, or reserve the amount for it",
        description: `Moves the amount from the caller's position to the payee's, or with \`reserveForMs\` reserves it until the caller commits or voids it.

The \`id\` is the idempotency key: sending the same body again answers the first answer again (with the \`${replayedHeader}: true\` header) and moves nothing; a different body under an id already used answers 409 \`idempotency_key_reused\`. A refused request wrote nothing, so it may be corrected and sent again under the same id.`,
        tags: ["transfers"],
        body: NewTransferInput,
        response: {
          201: ParticipantTransferSchema,
          ...participantProblems(...transferRefusalProblems),
        },
      },
    },
    async (request, reply) => {
      const outcome = await createTransfer(hub, request.participant as Participant, request.body);
      if (!outcome.ok) {
        const at = "pointer" in outcome ? [{ pointer: outcome.pointer, code: outcome.code }] : [];
        return sendProblem(reply, outcome.code, { errors: at });
      }
      if (outcome.replayed) reply.header(replayedHeader, "true");
      return reply.code(201).send(participantTransferView(outcome.transfer));
    },
  );
};
