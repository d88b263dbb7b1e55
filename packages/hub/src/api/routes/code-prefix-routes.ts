import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { CodeInstrumentSchema, CodePrefixListSchema, codePrefixView } from "../code-prefix-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantIdInput } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

/** Longer than any valid prefix, so a bad one answers `code_prefix_invalid`, not a schema error. */
const PrefixInput = Type.String({
  minLength: 1,
  maxLength: 32,
  description: "2 to 10 digits",
  examples: ["6201"],
});

const AssignInput = Type.Object(
  { prefix: PrefixInput, issuerId: ParticipantIdInput, instrument: CodeInstrumentSchema },
  { additionalProperties: false, title: "CodePrefixAssignment" },
);

/**
 * The code-prefix routing table. Reading is open to viewers; assigning and removing take four
 * eyes, since a wrong route sends payments to an institution that never authorised them.
 */
export const codePrefixRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/code-prefixes",
    {
      schema: {
        summary: "The code-prefix routing table",
        description: "Every assigned prefix, in prefix order.",
        tags: ["merchants"],
        response: { 200: CodePrefixListSchema, ...operatorProblems() },
      },
    },
    async () => ({ items: (await hub.codePrefixes.list()).map(codePrefixView) }),
  );

  app.post(
    "/code-prefixes",
    {
      schema: {
        summary: "Propose assigning a code prefix to an issuer",
        description:
          "Numbers starting with the prefix (consumer-presented payment codes or prepaid card numbers) will route to the issuer, a payment institution. No prefix may start another (`code_prefix_overlaps`): a number must route to one issuer only. It needs four eyes: the route checks the assignment, changes nothing, and answers 202 with a proposal that another operator account approves (POST /operator/v1/approvals/{approvalId}/approve). Recorded in the audit log as `code_prefix.assign`.",
        tags: ["merchants"],
        body: AssignInput,
        response: {
          202: ProposalSchema,
          ...operatorProblems(
            "code_prefix_invalid",
            "code_prefix_overlaps",
            "participant_not_found",
            "participant_not_issuer",
            "participant_terminated",
          ),
        },
      },
    },
    async (request, reply) =>
      proposeAction(hub, request, reply, "code_prefix.assign", { ...request.body }),
  );

  app.delete(
    "/code-prefixes/:prefix",
    {
      schema: {
        summary: "Propose removing a code prefix",
        description:
          "Numbers starting with it route nowhere (`code_prefix_unknown`) once approved. Recorded in the audit log as `code_prefix.remove`.",
        tags: ["merchants"],
        params: Type.Object({ prefix: PrefixInput }),
        response: { 202: ProposalSchema, ...operatorProblems("code_prefix_not_found") },
      },
    },
    async (request, reply) =>
      proposeAction(hub, request, reply, "code_prefix.remove", { prefix: request.params.prefix }),
  );
};
