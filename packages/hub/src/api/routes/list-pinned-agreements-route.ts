import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { sendProblem } from "../problem.ts";
import { BankParams } from "./bank-endpoint-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const PinnedAgreements = Type.Object(
  {
    endpointId: Type.String(),
    active: Type.Integer({
      description: "Signed agreements in force pinned there: the ones whose payments it serves",
    }),
    total: Type.Integer({ description: "Every agreement pinned there, whatever its state" }),
  },
  { title: "PinnedAgreements" },
);

/** What is still pinned where, while a bank's agreements move between endpoints. */
export const listPinnedAgreementsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/banks/:bankId/pinned-agreements",
    {
      schema: {
        summary: "Count the agreements pinned to each of a bank's endpoints",
        description:
          "One entry per endpoint holding at least one agreement, in endpoint id order. An active migration serves part of its source's agreements from its target without re-pinning them; completing it re-pins them, and only then do these counts move.",
        tags: ["banks"],
        params: BankParams,
        response: {
          200: Type.Object({ items: Type.Array(PinnedAgreements) }),
          ...operatorProblems("participant_not_found", "participant_not_bank"),
        },
      },
    },
    async (request, reply) => {
      const counted = await hub.agreementPlacement.pinnedByEndpoint(request.params.bankId);
      if (!counted.ok) return sendProblem(reply, counted.code);
      return { items: counted.value };
    },
  );
};
