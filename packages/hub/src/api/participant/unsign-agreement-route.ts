import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { AgreementParams } from "./agreement-params.ts";
import { bankCallProblems } from "./agreement-problems.ts";
import { AgreementSchema, agreementView } from "./agreement-view.ts";
import { participantProblems } from "./participant-problems.ts";

export const unsignAgreementRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/agreements/:agreementId/unsign",
    {
      config: { operation: "agreements.sign" },
      schema: {
        summary: "End an active agreement at the bank",
        description:
          "The bank ends the agreement, then the hub does, and an `agreement.unsigned` event follows. Ending an ended agreement answers it again; when the bank's answer did not arrive, send the request again.",
        tags: ["agreements"],
        params: AgreementParams,
        response: {
          200: AgreementSchema,
          ...participantProblems(
            "agreement_not_found",
            "agreement_not_active",
            ...bankCallProblems,
          ),
        },
      },
    },
    async (request, reply) => {
      const institution = request.participant as Participant;
      const outcome = await hub.agreements.unsign(institution, request.params.agreementId);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      return agreementView(outcome.agreement);
    },
  );
};
