import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { BankEndpointViewSchema, bankEndpointView } from "../bank-endpoint-view.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { BankEndpointParams, SettingsFields } from "./bank-endpoint-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Body = Type.Object(
  {
    url: Type.Optional(SettingsFields.url),
    timeoutMs: Type.Optional(SettingsFields.timeoutMs),
    concurrencyMax: Type.Optional(SettingsFields.concurrencyMax),
    breaker: Type.Optional(SettingsFields.breaker),
    enabled: Type.Optional(SettingsFields.enabled),
    force: Type.Optional(
      Type.Boolean({
        description:
          "With enabled false: disable it even though live agreements are pinned to it (their calls then fail until a migration moves them).",
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const updateBankEndpointRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.patch(
    "/banks/:bankId/endpoints/:endpointId",
    {
      schema: {
        summary: "Change an endpoint's URL, limits or breaker, or enable or disable it",
        description:
          "Fields left out keep their values. The hub applies the new settings from the next call on, on every node, without a restart; a changed breaker starts closed. The primary endpoint cannot be disabled, nor, without `force`, one that live agreements (requested, awaiting their password, active) are still pinned to: move them with a migration first. A retired endpoint is never changed (`bank_endpoint_retired`). Recorded in the audit log.",
        tags: ["banks"],
        params: BankEndpointParams,
        body: Body,
        response: {
          200: BankEndpointViewSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_not_bank",
            "bank_endpoint_not_found",
            "bank_endpoint_url_invalid",
            "bank_endpoint_settings_invalid",
            "bank_endpoint_is_primary",
            "bank_endpoint_in_use",
            "bank_endpoint_retired",
          ),
        },
      },
    },
    async (request, reply) => {
      const { bankId, endpointId } = request.params;
      const { force, ...patch } = request.body;
      const updated = await hub.bankEndpoints.update(
        bankId,
        endpointId,
        patch,
        operatorActor(request),
        {
          force,
        },
      );
      if (!updated.ok) return sendProblem(reply, updated.code);
      const primary = await hub.bankEndpointRouter.forNewSigning(bankId);
      return bankEndpointView(updated.value, primary.ok && primary.endpoint.id === endpointId);
    },
  );
};
