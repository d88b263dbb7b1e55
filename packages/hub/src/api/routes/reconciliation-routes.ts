import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import {
  type BreakResolution,
  writeOffReasonLengthMax,
} from "../../domain/reconciliation/reconciliation-break.ts";
import { literalUnion } from "../literal-union.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import {
  acceptCsvBodies,
  breakIdLengthMax,
  breakListFilters,
  DayParam,
  matchUploadedRecord,
} from "../reconciliation-input.ts";
import {
  BreakSchema,
  breakView,
  csvContentType,
  MatchSummarySchema,
  StatementCurrencyQuery,
  sendReconciliationProblem,
  statementCsvResponse,
  statementXmlResponse,
} from "../reconciliation-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantIdInput, participantIdLengthMax } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const BreakIdParams = Type.Object({ breakId: Type.String({ maxLength: breakIdLengthMax }) });
const DayOfParticipant = Type.Object({ participantId: ParticipantIdInput, day: DayParam });

const Resolution = Type.Object(
  {
    action: literalUnion(["accept", "reverse", "write_off"] as const),
    reason: Type.Optional(
      Type.String({
        maxLength: writeOffReasonLengthMax,
        description: "Why the break is written off; required for `write_off`",
      }),
    ),
  },
  { additionalProperties: false },
);

/** The operator's reconciliation: any participant's statement and record, and every break. */
export const operatorReconciliationRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  acceptCsvBodies(app);

  app.get(
    "/participants/:participantId/reconciliation/days/:day/statement.csv",
    {
      schema: {
        summary: "A participant's statement of a business day, streamed as CSV",
        tags: ["reconciliation"],
        params: DayOfParticipant,
        response: {
          200: statementCsvResponse,
          ...operatorProblems("business_day_invalid", "participant_not_found"),
        },
      },
    },
    async (request, reply) => {
      const { participantId, day } = request.params;
      const csv = await hub.reconciliation.statementCsv(participantId, day);
      if (!csv.ok) return sendReconciliationProblem(reply, csv);
      return reply.type(`${csvContentType}; charset=utf-8`).send(csv.value);
    },
  );

  app.get(
    "/participants/:participantId/reconciliation/days/:day/statement.xml",
    {
      schema: {
        summary:
          "A participant's statement of a business day in one currency, streamed as ISO 20022 camt.053.001.08",
        tags: ["reconciliation"],
        params: DayOfParticipant,
        querystring: StatementCurrencyQuery,
        response: {
          200: statementXmlResponse,
          ...operatorProblems(
            "business_day_invalid",
            "participant_not_found",
            "statement_currency_not_held",
          ),
        },
      },
    },
    async (request, reply) => {
      const { participantId, day } = request.params;
      const xml = await hub.reconciliation.statementDocument(
        participantId,
        day,
        "camt053",
        request.query.currency,
      );
      if (!xml.ok) return sendReconciliationProblem(reply, xml);
      return reply.type("application/xml; charset=utf-8").send(xml.value);
    },
  );

  app.put(
    "/participants/:participantId/reconciliation/days/:day/record",
    {
      schema: {
        summary: "Upload a participant's record of a business day on its behalf, and match it",
        description:
          "As the participant's own upload: the day's UNKNOWN operations are settled by status inquiry first, those still unknown listed apart.",
        tags: ["reconciliation"],
        params: DayOfParticipant,
        consumes: [csvContentType],
        response: {
          200: MatchSummarySchema,
          ...operatorProblems(
            "business_day_invalid",
            "participant_not_found",
            "record_malformed",
            "record_media_type",
          ),
        },
      },
    },
    async (request, reply) => {
      const { participantId, day } = request.params;
      const actor = operatorActor(request);
      return matchUploadedRecord(hub.reconciliation, reply, {
        participantId,
        day,
        body: request.body,
        submittedBy: `operator:${actor.operator?.id ?? actor.id}`,
      });
    },
  );

  app.get(
    "/reconciliation/breaks",
    {
      schema: {
        summary: "Reconciliation breaks, by id; filters combine",
        tags: ["reconciliation"],
        querystring: Type.Object(
          {
            participant: Type.Optional(Type.String({ maxLength: participantIdLengthMax })),
            ...breakListFilters,
            after: Type.Optional(Type.String({ maxLength: breakIdLengthMax })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(BreakSchema) }),
          ...operatorProblems(),
        },
      },
    },
    async (request) => {
      const { participant, day, state, kind, limit = 100, after } = request.query;
      const items = await hub.reconciliation.listBreaks({
        participantId: participant,
        day,
        state,
        kind,
        afterId: after,
        limit,
      });
      return { items: items.map(breakView) };
    },
  );

  app.get(
    "/reconciliation/breaks/:breakId",
    {
      schema: {
        summary: "One reconciliation break: both sides of the row and its resolution",
        tags: ["reconciliation"],
        params: BreakIdParams,
        response: { 200: BreakSchema, ...operatorProblems("break_not_found") },
      },
    },
    async (request, reply) => {
      const found = await hub.reconciliation.findBreak(request.params.breakId);
      if (found === undefined) return sendProblem(reply, "break_not_found");
      return breakView(found);
    },
  );

  app.post(
    "/reconciliation/breaks/:breakId/resolution",
    {
      schema: {
        summary:
          "Resolve a break: accept the hub's record, reverse the hub's transfer, or write it off",
        description:
          "Once per break, in the audit log. `reverse` posts a transfer the other way (id `rev.` and the break's id, so a retry reverses once) for a completed hub transaction.",
        tags: ["reconciliation"],
        params: BreakIdParams,
        body: Resolution,
        response: {
          200: BreakSchema,
          ...operatorProblems(
            "break_not_found",
            "break_resolved",
            "break_not_reversible",
            "write_off_reason_invalid",
            "reversal_refused",
          ),
        },
      },
    },
    async (request, reply) => {
      const { action, reason } = request.body;
      const resolution: BreakResolution =
        action === "write_off" ? { kind: "write_off", reason: reason ?? "" } : { kind: action };
      const resolved = await hub.reconciliation.resolve(
        request.params.breakId,
        resolution,
        operatorActor(request),
      );
      if (!resolved.ok) return sendReconciliationProblem(reply, resolved);
      return breakView(resolved.value);
    },
  );
};
