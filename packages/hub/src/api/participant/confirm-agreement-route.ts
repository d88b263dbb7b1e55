import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { AgreementParams } from "./agreement-params.ts";
import { bankCallProblems } from "./agreement-problems.ts";
import { AgreementSchema, agreementView } from "./agreement-view.ts";
import { participantProblems } from "./participant-problems.ts";

const ConfirmInput = Type.Object(
  {
    otp: Type.String({
      pattern: "^[0-9]{4,8}$",
      description: "The one-time password the bank texted the customer",
    }),
  },
  { additionalProperties: false, title: "AgreementConfirmation" },
);

export const confirmAgreementRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/agreements/:agreementId/confirm",
    {
      config: { operation: "agreements.sign" },
      schema: {
        summary: "Confirm a signing with the customer's one-time password",
        description:
          "The bank signs the agreement: it answers `active` with the bank's agreement number. A wrong password answers 422 `otp_invalid` and the customer may try again; an expired one, or too many wrong ones, answers the agreement `failed` (ask for a new signing under a new id). Confirming an active agreement answers it again. When the bank's answer did not arrive (`bank_outcome_unknown`), send the same password again: the bank confirms once.",
        tags: ["agreements"],
        params: AgreementParams,
        body: ConfirmInput,
        response: {
          200: AgreementSchema,
          ...participantProblems(
            "agreement_not_found",
            "agreement_not_awaiting_otp",
            "otp_invalid",
            ...bankCallProblems,
          ),
        },
      },
    },
    async (request, reply) => {
      const institution = request.participant as Participant;
      const outcome = await hub.agreements.confirm(
        institution,
        request.params.agreementId,
        request.body.otp,
      );
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      return agreementView(outcome.agreement);
    },
  );
};
