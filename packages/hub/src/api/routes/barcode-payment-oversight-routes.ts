import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import {
  type BankCallRecord,
  type BarcodePaymentCursor,
  type BarcodePaymentTrace,
  barcodePaymentPageSizeMax,
} from "../../app/operator/barcode-payment-oversight.ts";
import {
  type BarcodePayment,
  barcodeInstruments,
  barcodePaymentStates,
} from "../../domain/barcode/barcode-payment.ts";
import { barcodePaymentData } from "../../domain/barcode/barcode-payment-event.ts";
import { literalUnion } from "../literal-union.ts";
import { readOperatorCursor, writeOperatorCursor } from "../operator-cursor.ts";
import { BarcodePaymentSchema } from "../participant/barcode-payment-view.ts";
import { sendProblem } from "../problem.ts";
import { TransferRecordSchema, transferRecordView } from "../transfer-record-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import { participantIdLengthMax } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const pageSizeDefault = 100;
const cursorList = "barcode-payments";
const paymentIdLengthMax = 64;
const merchantIdLengthMax = 32;

const Query = Type.Object(
  {
    issuer: Type.Optional(
      Type.String({ maxLength: participantIdLengthMax, description: "The payer's institution" }),
    ),
    acquirer: Type.Optional(
      Type.String({ maxLength: participantIdLengthMax, description: "The merchant's institution" }),
    ),
    merchant: Type.Optional(
      Type.String({ maxLength: merchantIdLengthMax, description: "The acquirer's merchant id" }),
    ),
    state: Type.Optional(literalUnion(barcodePaymentStates)),
    instrument: Type.Optional(literalUnion(barcodeInstruments)),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: barcodePaymentPageSizeMax, default: pageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({
        maxLength: 512,
        description: "The `nextCursor` of the previous page, with the same filters",
      }),
    ),
  },
  { additionalProperties: false },
);

/** The participants' view of a payment, with who asked the hub and under which id. */
const OperatorBarcodePaymentSchema = Type.Object(
  {
    ...BarcodePaymentSchema.properties,
    initiatorId: Type.String({
      description: "Who asked the hub: the issuer (merchant-presented) or the acquirer",
    }),
  },
  { title: "OperatorBarcodePayment" },
);

const CallSchema = Type.Object(
  {
    at: Type.String({ format: "date-time" }),
    participantId: Type.String({ description: "The institution called (the issuer)" }),
    endpointId: Type.String(),
    call: Type.String({ description: "The payment's own call, or inquiry" }),
    attempt: Type.Integer(),
    outcome: Type.String({
      description: "answered:<status>, refused:<code>, not_sent or unknown (sent, no answer)",
    }),
    detail: Type.Union([Type.String(), Type.Null()]),
    latencyMs: Type.Integer(),
  },
  { title: "ParticipantCall" },
);

const TraceSchema = Type.Object(
  {
    payment: OperatorBarcodePaymentSchema,
    calls: Type.Array(CallSchema),
    transfers: Type.Array(TransferRecordSchema),
  },
  { title: "BarcodePaymentTrace" },
);

function paymentView(payment: BarcodePayment) {
  return { ...barcodePaymentData(payment, payment.initiatorId), initiatorId: payment.initiatorId };
}

function callView(call: BankCallRecord) {
  return {
    at: new Date(call.at).toISOString(),
    participantId: call.bankId,
    endpointId: call.endpointId,
    call: call.call,
    attempt: call.attempt,
    outcome: call.outcome,
    detail: call.detail,
    latencyMs: call.latencyMs,
  };
}

function traceView(trace: BarcodePaymentTrace) {
  return {
    payment: paymentView(trace.payment),
    calls: trace.calls.map(callView),
    transfers: trace.transfers.map(transferRecordView),
  };
}

function readCursor(text: string): BarcodePaymentCursor | undefined {
  const fields = readOperatorCursor(cursorList, text);
  if (fields?.length !== 2) return undefined;
  const [createdAt, paymentId] = fields;
  if (!Number.isSafeInteger(createdAt) || (createdAt as number) < 0) return undefined;
  if (typeof paymentId !== "string" || paymentId.length === 0) return undefined;
  if (paymentId.length > paymentIdLengthMax) return undefined;
  return { createdAt: createdAt as number, paymentId };
}

/** The operator's barcode payments: every institution's, filtered, and one with its trace. */
export const barcodePaymentOversightRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/barcode-payments",
    {
      schema: {
        summary: "Barcode payments of every institution, newest first",
        description: `Filters combine. Pages of up to ${barcodePaymentPageSizeMax} (default ${pageSizeDefault}); pass \`nextCursor\` as \`cursor\` for the next page. A code or card number presented is shown masked only.`,
        tags: ["barcode payments"],
        querystring: Query,
        response: {
          200: Type.Object({
            items: Type.Array(OperatorBarcodePaymentSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: "Pass as `cursor` for the next page; null on the last page",
            }),
          }),
          ...operatorProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const { issuer, acquirer, merchant, state, instrument, cursor } = request.query;
      const limit = request.query.limit ?? pageSizeDefault;
      const after = cursor === undefined ? undefined : readCursor(cursor);
      if (cursor !== undefined && after === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.barcodePaymentOversight.list(
        { issuerId: issuer, acquirerId: acquirer, merchantId: merchant, state, instrument },
        limit,
        after,
      );
      const last = page.at(-1);
      return {
        items: page.map(paymentView),
        nextCursor:
          page.length < limit || last === undefined
            ? null
            : writeOperatorCursor(cursorList, [last.createdAt, last.paymentId]),
      };
    },
  );

  app.get(
    "/barcode-payments/:paymentId",
    {
      schema: {
        summary: "One barcode payment with its trace",
        description:
          "The payment, the calls to its issuer recorded under its `paymentId` (consumer-presented payments; a merchant-presented one calls no one), and its clearing transfer once it cleared.",
        tags: ["barcode payments"],
        params: Type.Object({
          paymentId: Type.String({ minLength: 1, maxLength: paymentIdLengthMax }),
        }),
        response: { 200: TraceSchema, ...operatorProblems("barcode_payment_not_found") },
      },
    },
    async (request, reply) => {
      const trace = await hub.barcodePaymentOversight.trace(request.params.paymentId);
      if (trace === undefined) return sendProblem(reply, "barcode_payment_not_found");
      return traceView(trace);
    },
  );
};
