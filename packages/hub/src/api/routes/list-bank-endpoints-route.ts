import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { endpointView } from "../bank-endpoint-view.ts";
import { sendProblem } from "../problem.ts";
import {
  bankEndpointRouteKind,
  billerEndpointRouteKind,
  type EndpointRouteKind,
  issuerEndpointRouteKind,
  ownerIdOf,
} from "./endpoint-route-kind.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

/** Lists the endpoints of one kind's participant: a bank's, a biller's. */
export function listEndpointsRoute(
  kind: EndpointRouteKind,
): FastifyPluginAsyncTypebox<RouteOptions> {
  return async (app, { hub }) => {
    app.get(
      `/${kind.segment}/:${kind.ownerParam}/endpoints`,
      {
        schema: {
          summary: `List a ${kind.noun}'s interface endpoints, oldest first`,
          tags: [kind.tag],
          params: kind.params,
          response: {
            200: Type.Object({
              items: Type.Array(kind.viewSchema),
              primaryEndpointId: Type.Union([Type.String(), Type.Null()], {
                description: `The endpoint the hub calls first; null while the ${kind.noun} has no endpoint`,
              }),
            }),
            ...operatorProblems("participant_not_found", kind.notOwnerCode),
          },
        },
      },
      async (request, reply) => {
        const listed = await kind.registry(hub).list(ownerIdOf(kind, request.params));
        if (!listed.ok) return sendProblem(reply, listed.code);
        const { endpoints, primaryEndpointId } = listed.value;
        return {
          items: endpoints.map((endpoint) =>
            endpointView(endpoint, endpoint.id === primaryEndpointId, kind.ownerField),
          ),
          primaryEndpointId,
        };
      },
    );
  };
}

export const listBankEndpointsRoute = listEndpointsRoute(bankEndpointRouteKind);
export const listBillerEndpointsRoute = listEndpointsRoute(billerEndpointRouteKind);
export const listIssuerEndpointsRoute = listEndpointsRoute(issuerEndpointRouteKind);
