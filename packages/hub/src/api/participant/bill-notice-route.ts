import { BillNotice, billerNoticeOperations } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { readBillNotice } from "./bill-notice-input.ts";
import { customerParameterErrors, parameterProblems } from "./customer-parameter-errors.ts";
import { participantProblems } from "./participant-problems.ts";

const operation = billerNoticeOperations.billNotice;

export const billNoticeRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    // The wire contract names the full path; this plugin is mounted under /v1.
    operation.path.replace(/^\/v1/, ""),
    {
      config: { operation: "biller-notices.send" },
      schema: {
        summary: operation.summary,
        description: `Signed with the biller's participant key; only an active biller may send it. The hub sends a \`bill.presented\` webhook event to every channel subscribed to the customer (\`POST /v1/bill-subscriptions\`), in the same transaction that records the notice. Applied once by \`noticeId\`: a repeat is answered 204 all the same and tells nobody again. See the biller interface for the message.`,
        tags: ["biller notices"],
        body: BillNotice,
        response: {
          204: Type.Null(),
          ...participantProblems(
            "customer_parameters_invalid",
            "currency_unknown",
            "amount_invalid",
            "amount_too_precise",
            "amount_too_large",
            "bill_amounts_inconsistent",
            "bill_period_reversed",
            "biller_inactive",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readBillNotice(request.body);
      if (!read.ok) {
        const errors =
          "problems" in read
            ? customerParameterErrors(parameterProblems(read.problems))
            : [{ pointer: read.pointer, code: read.code }];
        return sendProblem(reply, read.code, { errors });
      }
      const biller = request.participant as Participant;
      const outcome = await hub.billNotices.present(biller, read.value);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      request.log.info(
        {
          billerId: biller.id,
          noticeId: read.value.noticeId,
          repeated: !outcome.first,
          channelsTold: outcome.subscribers,
        },
        "bill notice",
      );
      return reply.code(204).send(null);
    },
  );
};
