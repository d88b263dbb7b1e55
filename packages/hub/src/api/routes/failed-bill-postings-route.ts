import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { failedPostingsListSizeMax } from "../../app/bill-payments/bill-payment-service.ts";
import { BillPaymentSchema, billPaymentView } from "../participant/bill-payment-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const FailedPostingSchema = Type.Object(
  { ...BillPaymentSchema.properties, channelId: Type.String() },
  { title: "FailedBillPosting" },
);

export const failedBillPostingsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/bill-payments/posting-failed",
    {
      schema: {
        summary: "Bill payments whose posting failed: the operator settles each with its biller",
        description: `Payments not posted to their biller within the posting deadline, newest first (at most ${failedPostingsListSizeMax}). Each was cleared to the biller's position and its channel was told by \`bill_payment.posting_failed\`; the hub cannot prove the biller never credited the customer, so the money stays until the operator has settled it with the biller (and moved it back with the funds route if the biller never did).`,
        tags: ["network"],
        response: {
          200: Type.Object({ items: Type.Array(FailedPostingSchema) }),
          ...operatorProblems(),
        },
      },
    },
    async () => {
      const failed = await hub.billPayments.listPostingFailed();
      return {
        items: failed.map((payment) => ({
          ...billPaymentView(payment),
          channelId: payment.channelId,
        })),
      };
    },
  );
};
