import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { BillInquiryAnswerSchema, billInquiryView } from "./bill-inquiry-view.ts";
import { customerParameterErrors } from "./customer-parameter-errors.ts";
import { participantProblems } from "./participant-problems.ts";

/** Bounds only: the biller's profile judges each value and answers its own codes. */
const BillInquiryInput = Type.Object(
  {
    billerId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: "The biller's participant id",
    }),
    customerParameters: Type.Record(
      Type.String({ maxLength: 32 }),
      Type.String({ maxLength: 128 }),
      {
        maxProperties: 16,
        description:
          "The values that identify the customer at the biller, by the parameter names of its catalogue entry",
        examples: [{ accountNumber: "W10000001" }],
      },
    ),
    initiation: Type.Union([Type.Literal("user"), Type.Literal("scheduled")], {
      description:
        "`user`: a person is waiting for the answer. `scheduled`: your system asks on its own (a reminder check); it is answered from the hub's cache whenever a fresh copy exists, and otherwise only from the biller's spare capacity.",
    }),
  },
  { additionalProperties: false },
);

export const createBillInquiryRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/bill-inquiries",
    {
      config: { operation: "bills.inquire" },
      schema: {
        summary: "Ask a biller for a customer's bills due",
        description:
          "Each bill is answered under a `billRef`, your reference to pay it until `expiresAt`. An inquiry moves no money and changes nothing at the biller, so sending it again is safe (each answer carries fresh references). The hub protects billers: past your quota or the biller's capacity the inquiry is refused with 429 and `Retry-After`; `scheduled` inquiries get only spare capacity and are served from the cache when they can be. A biller that does not answer usably is `biller_unavailable`; the hub does not retry an inquiry for you. A channel whose `bill_inquiry` capability the operator suspended is refused with 409 `channel_suspended` before any biller is asked.",
        tags: ["billers"],
        body: BillInquiryInput,
        response: {
          200: BillInquiryAnswerSchema,
          ...participantProblems(
            "channel_suspended",
            "channel_terminated",
            "participant_inactive",
            "biller_not_found",
            "biller_inactive",
            "bill_fetch_not_supported",
            "customer_parameters_invalid",
            "bill_customer_not_found",
            "channel_quota_exceeded",
            "biller_capacity_exceeded",
            "biller_unavailable",
          ),
        },
      },
    },
    async (request, reply) => {
      const channel = request.participant as Participant;
      const outcome = await hub.billInquiries.inquire(channel.id, request.body);
      if (outcome.ok) return billInquiryView(outcome.value);
      if (outcome.retryAfterMs !== undefined) {
        reply.header("retry-after", String(Math.max(1, Math.ceil(outcome.retryAfterMs / 1000))));
      }
      const errors = outcome.failures && customerParameterErrors(outcome.failures);
      return sendProblem(reply, outcome.code, { errors });
    },
  );
};
