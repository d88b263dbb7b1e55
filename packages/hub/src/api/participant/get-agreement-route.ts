import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { AgreementParams } from "./agreement-params.ts";
import { AgreementSchema, agreementView } from "./agreement-view.ts";
import { participantProblems } from "./participant-problems.ts";

export const getAgreementRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/agreements/:agreementId",
    {
      config: { operation: "agreements.read" },
      schema: {
        summary: "One of your agreements, as it is now",
        tags: ["agreements"],
        params: AgreementParams,
        response: { 200: AgreementSchema, ...participantProblems("agreement_not_found") },
      },
    },
    async (request, reply) => {
      const institution = request.participant as Participant;
      const outcome = await hub.agreements.find(institution, request.params.agreementId);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      return agreementView(outcome.agreement);
    },
  );
};
