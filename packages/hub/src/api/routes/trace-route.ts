import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { BankCallRecord, PaymentTrace } from "../../app/operator/payment-trace.ts";
import { AuditEntryViewSchema, auditEntryView } from "../audit-entry-view.ts";
import {
  OperatorBankOperationSchema,
  operatorBankOperationView,
} from "../operator-bank-operation-view.ts";
import { sendProblem } from "../problem.ts";
import { TransferRecordSchema, transferRecordView } from "../transfer-record-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableTime = Type.Union([Type.String({ format: "date-time" }), Type.Null()]);

const BankCallSchema = Type.Object(
  {
    at: Type.String({ format: "date-time", description: "When the call was made" }),
    bankId: Type.String(),
    endpointId: Type.String(),
    attempt: Type.Integer({ description: "1 for the operation's call; the inquiry's number" }),
    call: Type.String({ description: "debit, credit, refund, or inquiry" }),
    outcome: Type.String({
      description:
        "answered:<status>, refused:<code>, not_sent (nothing reached the bank) or unknown (sent, no answer to rely on)",
    }),
    detail: NullableString,
    latencyMs: Type.Integer(),
  },
  { title: "BankCall" },
);

const TraceSchema = Type.Object(
  {
    query: Type.String({ description: "The id the trace was asked for" }),
    operation: Type.Union([OperatorBankOperationSchema, Type.Null()], {
      description: "The bank operation, or null for a transfer between participants",
    }),
    transfers: Type.Array(TransferRecordSchema),
    bankCalls: Type.Array(BankCallSchema),
    inquiries: Type.Array(BankCallSchema, { description: "The status inquiries among the calls" }),
    notices: Type.Array(
      Type.Object({
        bankId: Type.String(),
        noticeId: Type.String(),
        kind: Type.String(),
        receivedAt: Type.String({ format: "date-time" }),
      }),
    ),
    webhooks: Type.Array(
      Type.Object({
        deliveryId: Type.Integer(),
        participantId: Type.String(),
        eventId: Type.String(),
        eventType: Type.String(),
        endpointId: Type.String(),
        status: Type.String(),
        attempts: Type.Integer(),
        lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
        lastError: NullableString,
        createdAt: Type.String({ format: "date-time" }),
        lastAttemptAt: NullableTime,
        deliveredAt: NullableTime,
      }),
    ),
    auditEntries: Type.Array(AuditEntryViewSchema),
  },
  { title: "PaymentTrace" },
);

function callView(call: BankCallRecord) {
  return {
    at: new Date(call.at).toISOString(),
    bankId: call.bankId,
    endpointId: call.endpointId,
    attempt: call.attempt,
    call: call.call,
    outcome: call.outcome,
    detail: call.detail,
    latencyMs: call.latencyMs,
  };
}

function traceView(trace: PaymentTrace) {
  return {
    query: trace.query,
    operation: trace.operation === null ? null : operatorBankOperationView(trace.operation),
    transfers: trace.transfers.map(transferRecordView),
    bankCalls: trace.bankCalls.map(callView),
    inquiries: trace.inquiries.map(callView),
    notices: trace.notices.map((notice) => ({
      bankId: notice.bankId,
      noticeId: notice.noticeId,
      kind: notice.kind,
      receivedAt: new Date(notice.receivedAt).toISOString(),
    })),
    webhooks: trace.webhooks.map((delivery) => ({
      ...delivery,
      createdAt: new Date(delivery.createdAt).toISOString(),
      lastAttemptAt: iso(delivery.lastAttemptAt),
      deliveredAt: iso(delivery.deliveredAt),
    })),
    auditEntries: trace.auditEntries.map(auditEntryView),
  };
}

export const traceRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/traces/:id",
    {
      schema: {
        summary: "One payment end to end, from any id it carries",
        description:
          "The id may be a transfer's, a bank operation's (the institution's id), its transaction id, its agreement's (the latest operation under it), a webhook event's, or a bank notice's.",
        tags: ["network"],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: TraceSchema, ...operatorProblems("trace_not_found") },
      },
    },
    async (request, reply) => {
      const trace = await hub.paymentTraces.trace(request.params.id);
      if (trace === undefined) return sendProblem(reply, "trace_not_found");
      return traceView(trace);
    },
  );
};
