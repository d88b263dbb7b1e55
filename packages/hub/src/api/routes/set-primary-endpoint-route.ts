import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { BankParams, EndpointIdInput } from "./bank-endpoint-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Body = Type.Object({ endpointId: EndpointIdInput }, { additionalProperties: false });

export const setPrimaryEndpointRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.put(
    "/banks/:bankId/primary-endpoint",
    {
      schema: {
        summary: "Send the bank's new signings to another endpoint",
        description:
          "Needs four eyes: answers 202 with a proposal, and the switch happens when another operator account approves it (POST /operator/v1/approvals/{approvalId}/approve), which then answers `{ primaryEndpointId, previousPrimaryEndpointId }`. One atomic switch: the bank always has exactly one primary endpoint. Agreements already signed stay on their endpoints (move them with an endpoint migration). The endpoint must be enabled and not retired. Setting the current primary again changes nothing. Recorded in the audit log.",
        tags: ["banks"],
        params: BankParams,
        body: Body,
        response: {
          202: ProposalSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_not_bank",
            "bank_endpoint_not_found",
            "bank_endpoint_disabled",
            "bank_endpoint_retired",
          ),
        },
      },
    },
    async (request, reply) => {
      const { bankId } = request.params;
      const { endpointId } = request.body;
      return proposeAction(hub, request, reply, "bank.primary_endpoint_set", {
        bankId,
        endpointId,
      });
    },
  );
};
