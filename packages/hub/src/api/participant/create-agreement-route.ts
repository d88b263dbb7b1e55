import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { NewAgreementInput, readNewAgreement } from "./agreement-input.ts";
import { bankCallProblems } from "./agreement-problems.ts";
import { AgreementSchema, agreementView } from "./agreement-view.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { participantProblems } from "./participant-problems.ts";

export const createAgreementRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/agreements",
    {
      config: { operation: "agreements.sign" },
      schema: {
        summary: "Ask the customer's bank to sign a quick-pay agreement",
        description: `The hub sends the signing to the bank's primary endpoint and pins the agreement to it; the bank texts the customer a one-time password, and the agreement answers \`otp_sent\`. Confirm the password with \`POST /v1/agreements/{agreementId}/confirm\`. A bank that refuses the customer's details answers the agreement \`failed\` with the bank's reason.

The \`id\` is the idempotency key among your agreements: the same body again answers the agreement as it is now (with \`${replayedHeader}: true\`); a different body answers 409 \`idempotency_key_reused\`. When the bank's answer did not arrive the agreement answers \`requested\`: send the same request again, and the bank answers the same sign request (no second password).`,
        tags: ["agreements"],
        body: NewAgreementInput,
        response: {
          201: AgreementSchema,
          ...participantProblems(
            "card_number_invalid",
            "card_number_check_digit_invalid",
            "bank_account_number_invalid",
            "id_number_invalid",
            "mobile_number_invalid",
            "account_or_card_required",
            "bank_not_found",
            "idempotency_key_reused",
            "sealed_data_unreadable",
            ...bankCallProblems,
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readNewAgreement(request.body);
      if (!read.ok) {
        return sendProblem(reply, read.code, {
          errors: [{ pointer: read.pointer, code: read.code }],
        });
      }
      const institution = request.participant as Participant;
      const outcome = await hub.agreements.create(institution, read.value);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(agreementView(outcome.agreement));
    },
  );
};
