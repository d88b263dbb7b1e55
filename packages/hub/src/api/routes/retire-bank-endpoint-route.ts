import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { BankEndpointViewSchema, bankEndpointView } from "../bank-endpoint-view.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { BankEndpointParams } from "./bank-endpoint-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

export const retireBankEndpointRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/banks/:bankId/endpoints/:endpointId/retire",
    {
      schema: {
        summary: "Retire an endpoint for good",
        description:
          "Takes the endpoint out of routing for good: it is disabled and never called, enabled, changed, made primary or migrated to or from again, and its id is never reused; it stays in the listing with `retiredAt`. Refused for the primary endpoint (`bank_endpoint_is_primary`), while an active or completing migration goes from or to it (`bank_endpoint_migrating`), and while live agreements (requested, awaiting their password, active) are pinned to it (`bank_endpoint_agreements_pinned`; there is no override: move them with a migration and complete it). Retiring a retired endpoint answers it unchanged. No body. Recorded in the audit log as `bank_endpoint.retire`.",
        tags: ["banks"],
        params: BankEndpointParams,
        response: {
          200: BankEndpointViewSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_not_bank",
            "bank_endpoint_not_found",
            "bank_endpoint_is_primary",
            "bank_endpoint_migrating",
            "bank_endpoint_agreements_pinned",
          ),
        },
      },
    },
    async (request, reply) => {
      const { bankId, endpointId } = request.params;
      const retired = await hub.bankEndpoints.retire(bankId, endpointId, operatorActor(request));
      if (!retired.ok) return sendProblem(reply, retired.code);
      return bankEndpointView(retired.value, false);
    },
  );
};
