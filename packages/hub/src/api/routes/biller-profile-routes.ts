import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import type { BillerRefused } from "../../app/billers/biller-registry.ts";
import type { AuditDetails } from "../../domain/audit/audit-entry.ts";
import type { BillerProfileInput } from "../../domain/billers/biller-profile.ts";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { BillerPageQuery, billerListQuery, NextCursor, nextBillerCursor } from "../biller-page.ts";
import { BillerProfileViewSchema, billerProfileView } from "../biller-view.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { BillerProfileBody } from "./biller-profile-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

/** Answers a refused registry call; a refused profile lists each field and its code. */
export function sendBillerProblem(reply: FastifyReply, refused: BillerRefused): FastifyReply {
  const errors = (refused.issues ?? []).map((issue) => ({
    location: "body",
    pointer: issue.field,
    code: issue.code,
  }));
  return sendProblem(reply, refused.code, { errors });
}

const setProblems = [
  "biller_profile_invalid",
  "participant_not_found",
  "participant_not_biller",
  "participant_terminated",
] as const;

export const billerProfileRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.put(
    "/billers/:participantId",
    {
      schema: {
        summary: "Register or replace a biller's profile",
        description:
          "Creates the profile of a participant of kind `biller` (201) or replaces it whole (200, one version more). The same profile again changes nothing: 200 with the same version, nothing written or audited, so a retry is safe. Raising any capacity figure above the current one needs four eyes: it answers 202 with a proposal that another operator account approves (POST /operator/v1/approvals/{approvalId}/approve); a cut takes effect at once. A refused profile answers `biller_profile_invalid` whose `errors` name each field (JSON pointer) with its code. Recorded in the audit log as `biller_profile.set`.",
        tags: ["billers"],
        params: ParticipantParams,
        body: BillerProfileBody,
        response: {
          200: BillerProfileViewSchema,
          201: BillerProfileViewSchema,
          202: ProposalSchema,
          ...operatorProblems(...setProblems),
        },
      },
    },
    async (request, reply) => {
      const { participantId } = request.params;
      const input: BillerProfileInput = request.body;
      const set = await hub.billers.set(participantId, input, operatorActor(request));
      if (set.ok) {
        return reply.code(set.value.created ? 201 : 200).send(billerProfileView(set.value.entry));
      }
      if (set.code === "biller_capacity_raise_needs_approval") {
        return proposeAction(hub, request, reply, "biller.capacity_raise", {
          participantId,
          profile: JSON.parse(JSON.stringify(input)) as AuditDetails,
        });
      }
      return sendBillerProblem(reply, set);
    },
  );

  app.get(
    "/billers",
    {
      schema: {
        summary: "Billers' profiles, least recently changed first",
        description:
          "Every biller with a profile, whatever its status, in the catalogue's sync order: by `updatedAt`, then id. `updatedSince` keeps only what changed since.",
        tags: ["billers"],
        querystring: BillerPageQuery,
        response: {
          200: Type.Object({ items: Type.Array(BillerProfileViewSchema), nextCursor: NextCursor }),
          ...operatorProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const query = billerListQuery(request.query);
      if (query === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.billers.list(query);
      return {
        items: page.map(billerProfileView),
        nextCursor: nextBillerCursor(page, query.limit),
      };
    },
  );

  app.get(
    "/billers/:participantId",
    {
      schema: {
        summary: "One biller's profile",
        tags: ["billers"],
        params: ParticipantParams,
        response: {
          200: BillerProfileViewSchema,
          ...operatorProblems(
            "biller_not_found",
            "participant_not_found",
            "participant_not_biller",
          ),
        },
      },
    },
    async (request, reply) => {
      const found = await hub.billers.find(request.params.participantId);
      if (!found.ok) return sendBillerProblem(reply, found);
      return billerProfileView(found.value);
    },
  );
};
