import { UnsignedNotice } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

export const unsignedNoticeRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/bank-notices/unsigned",
    {
      config: { operation: "bank-notices.send" },
      schema: {
        summary: "A bank tells the hub it ended an agreement",
        description:
          "Signed with the bank's participant key. The hub ends the agreement and tells its payment institution with an `agreement.unsigned` event. A notice is applied once by its `noticeId`; a repeat, or a notice for an agreement the hub does not hold for this institution, is answered 204 all the same, so the bank stops sending it.",
        tags: ["bank notices"],
        body: UnsignedNotice,
        response: { 204: Type.Null(), ...participantProblems() },
      },
    },
    async (request, reply) => {
      const bank = request.participant as Participant;
      const notice = request.body;
      const outcome = await hub.agreements.applyUnsignedNotice(bank.id, {
        noticeId: notice.noticeId,
        agreementNumber: notice.agreementNumber,
        paymentInstitutionId: notice.paymentInstitutionId,
        unsignedAtMs: Date.parse(notice.unsignedAt),
      });
      if (outcome === "agreement_unknown") {
        request.log.warn(
          { bankId: bank.id, noticeId: notice.noticeId },
          "unsigned notice for an agreement the hub does not hold",
        );
      }
      return reply.code(204).send(null);
    },
  );
};
