import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { BankEndpointViewSchema, bankEndpointView } from "../bank-endpoint-view.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { BankParams, EndpointIdInput, SettingsFields } from "./bank-endpoint-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Body = Type.Object(
  {
    id: EndpointIdInput,
    url: SettingsFields.url,
    timeoutMs: Type.Optional(SettingsFields.timeoutMs),
    concurrencyMax: Type.Optional(SettingsFields.concurrencyMax),
    breaker: Type.Optional(SettingsFields.breaker),
    enabled: Type.Optional(SettingsFields.enabled),
  },
  { additionalProperties: false },
);

export const addBankEndpointRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/banks/:bankId/endpoints",
    {
      schema: {
        summary: "Register one of a bank's interface endpoints",
        description:
          "The bank's first endpoint becomes its primary: new signings go there. Settings left out take their defaults. Recorded in the audit log.",
        tags: ["banks"],
        params: BankParams,
        body: Body,
        response: {
          201: BankEndpointViewSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_not_bank",
            "participant_terminated",
            "bank_endpoint_id_invalid",
            "bank_endpoint_url_invalid",
            "bank_endpoint_settings_invalid",
            "bank_endpoint_exists",
            "bank_endpoints_exhausted",
          ),
        },
      },
    },
    async (request, reply) => {
      const { bankId } = request.params;
      const added = await hub.bankEndpoints.add(bankId, request.body, operatorActor(request));
      if (!added.ok) return sendProblem(reply, added.code);
      const { endpoint, primary } = added.value;
      return reply
        .code(201)
        .header(
          "location",
          `/operator/v1/banks/${encodeURIComponent(bankId)}/endpoints/${encodeURIComponent(endpoint.id)}`,
        )
        .send(bankEndpointView(endpoint, primary));
    },
  );
};
