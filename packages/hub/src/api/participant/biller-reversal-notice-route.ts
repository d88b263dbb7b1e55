import { billerNoticeOperations, ReversalNotice } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { readMoney } from "../money-codec.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

const operation = billerNoticeOperations.reversalNotice;

export const billerReversalNoticeRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    operation.path.replace(/^\/v1/, ""),
    {
      config: { operation: "biller-notices.send" },
      schema: {
        summary: operation.summary,
        description: `${operation.description}

Signed with the biller's participant key. The money is cleared back from the biller's position to the channel's under an id derived from the payment's (the id a rejection would use too), so it moves once however often the notice comes, and the channel is told by \`bill_payment.reversed\`. Applied once by \`noticeId\`; a repeat, or a notice about a posting the hub did not send this biller, is answered 204 all the same. A notice whose amount or currency is not the posting's is refused and changes nothing.`,
        tags: ["biller notices"],
        body: ReversalNotice,
        response: {
          204: Type.Null(),
          ...participantProblems(
            "currency_unknown",
            "amount_invalid",
            "amount_too_precise",
            "amount_too_large",
            "reversal_amount_mismatch",
            "bill_payment_not_reversible",
          ),
        },
      },
    },
    async (request, reply) => {
      const biller = request.participant as Participant;
      const notice = request.body;
      const money = readMoney(notice.amount, notice.currency);
      if (!money.ok) return sendProblem(reply, money.code);
      const outcome = await hub.billReversalNotices.apply(biller.id, {
        noticeId: notice.noticeId,
        postingId: notice.postingId,
        receiptNumber: notice.receiptNumber,
        amountMinor: money.minor,
        currency: money.currency.code,
        reasonCode: notice.reasonCode,
        reversedAt: Date.parse(notice.reversedAt),
      });
      if (outcome.kind === "refused") return sendProblem(reply, outcome.code);
      if (outcome.kind === "posting_unknown") {
        request.log.warn(
          { billerId: biller.id, noticeId: notice.noticeId },
          "reversal notice for a posting the hub did not send this biller",
        );
      }
      return reply.code(204).send(null);
    },
  );
};
