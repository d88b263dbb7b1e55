import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { endpointView } from "../bank-endpoint-view.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { EndpointIdInput, SettingsFields } from "./bank-endpoint-input.ts";
import {
  bankEndpointRouteKind,
  billerEndpointRouteKind,
  type EndpointRouteKind,
  issuerEndpointRouteKind,
  ownerIdOf,
} from "./endpoint-route-kind.ts";
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

/** Registers one endpoint of one kind's participant: a bank's, a biller's. */
export function addEndpointRoute(kind: EndpointRouteKind): FastifyPluginAsyncTypebox<RouteOptions> {
  return async (app, { hub }) => {
    app.post(
      `/${kind.segment}/:${kind.ownerParam}/endpoints`,
      {
        schema: {
          summary: `Register one of a ${kind.noun}'s interface endpoints`,
          description: `${kind.firstEndpointNote} Settings left out take their defaults. Recorded in the audit log.`,
          tags: [kind.tag],
          params: kind.params,
          body: Body,
          response: {
            201: kind.viewSchema,
            ...operatorProblems(
              "participant_not_found",
              kind.notOwnerCode,
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
        const ownerId = ownerIdOf(kind, request.params);
        const added = await kind.registry(hub).add(ownerId, request.body, operatorActor(request));
        if (!added.ok) return sendProblem(reply, added.code);
        const { endpoint, primary } = added.value;
        return reply
          .code(201)
          .header(
            "location",
            `/operator/v1/${kind.segment}/${encodeURIComponent(ownerId)}/endpoints/${encodeURIComponent(endpoint.id)}`,
          )
          .send(endpointView(endpoint, primary, kind.ownerField));
      },
    );
  };
}

export const addBankEndpointRoute = addEndpointRoute(bankEndpointRouteKind);
export const addBillerEndpointRoute = addEndpointRoute(billerEndpointRouteKind);
export const addIssuerEndpointRoute = addEndpointRoute(issuerEndpointRouteKind);
