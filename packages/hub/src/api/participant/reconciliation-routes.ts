import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
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
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

/**
 * A participant's own reconciliation: its statement of a business day, the upload of its record
 * of the day (matched at once), and its breaks with how each was resolved. Records larger than
 * the API's body limit go through `clearhub recon match` on the hub's side.
 */
export const participantReconciliationRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  acceptCsvBodies(app);

  app.get(
    "/reconciliation/days/:day/statement.csv",
    {
      config: { operation: "reconciliation.read" },
      schema: {
        summary: "The caller's statement of a business day, streamed as CSV",
        description:
          "Every transaction the caller is payer or payee of, oldest first. Transactions still UNKNOWN at the hub (a bank or biller has not answered yet) have status `unknown`: the match lists them apart and compares them once a status inquiry settles them.",
        tags: ["reconciliation"],
        params: Type.Object({ day: DayParam }),
        response: {
          200: statementCsvResponse,
          ...participantProblems("business_day_invalid"),
        },
      },
    },
    async (request, reply) => {
      const participant = request.participant as Participant;
      const csv = await hub.reconciliation.statementCsv(participant.id, request.params.day);
      if (!csv.ok) return sendReconciliationProblem(reply, csv);
      return reply.type(`${csvContentType}; charset=utf-8`).send(csv.value);
    },
  );

  app.get(
    "/reconciliation/days/:day/statement.xml",
    {
      config: { operation: "reconciliation.read" },
      schema: {
        summary:
          "The caller's statement of a business day in one currency, streamed as ISO 20022 camt.053.001.08",
        description:
          "The rows of statement.csv in that currency, one entry each (hub transaction id in AcctSvcrRef, the caller's reference in AcctOwnrTxId).",
        tags: ["reconciliation"],
        params: Type.Object({ day: DayParam }),
        querystring: StatementCurrencyQuery,
        response: {
          200: statementXmlResponse,
          ...participantProblems("business_day_invalid", "statement_currency_not_held"),
        },
      },
    },
    async (request, reply) => {
      const participant = request.participant as Participant;
      const xml = await hub.reconciliation.statementDocument(
        participant.id,
        request.params.day,
        "camt053",
        request.query.currency,
      );
      if (!xml.ok) return sendReconciliationProblem(reply, xml);
      return reply.type("application/xml; charset=utf-8").send(xml.value);
    },
  );

  app.put(
    "/reconciliation/days/:day/record",
    {
      config: { operation: "reconciliation.submit" },
      schema: {
        summary: "Upload the caller's record of a business day and match it",
        description:
          "A CSV with the statement's header; each row needs hub_transaction_id or participant_reference, amount (signed as on the statement), currency and status. Before the match the hub asks the bank or biller about the day's operations still UNKNOWN (at most `inquiry.limit`), so its rows show their final outcomes; those still unknown are listed apart, never breaks. A record with any malformed row is refused whole and changes nothing. Otherwise the day's open breaks are replaced by those found now; a break already resolved is not raised again.",
        tags: ["reconciliation"],
        params: Type.Object({ day: DayParam }),
        consumes: [csvContentType],
        response: {
          200: MatchSummarySchema,
          ...participantProblems("business_day_invalid", "record_malformed", "record_media_type"),
        },
      },
    },
    async (request, reply) => {
      const participant = request.participant as Participant;
      return matchUploadedRecord(hub.reconciliation, reply, {
        participantId: participant.id,
        day: request.params.day,
        body: request.body,
        submittedBy: `participant:${participant.id}`,
      });
    },
  );

  app.get(
    "/reconciliation/breaks",
    {
      config: { operation: "reconciliation.read" },
      schema: {
        summary: "The caller's reconciliation breaks, with their resolution",
        tags: ["reconciliation"],
        querystring: Type.Object(
          {
            ...breakListFilters,
            after: Type.Optional(
              Type.String({
                maxLength: breakIdLengthMax,
                description: "The last id of the previous page",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(BreakSchema) }),
          ...participantProblems(),
        },
      },
    },
    async (request) => {
      const participant = request.participant as Participant;
      const { day, state, kind, limit = 100, after } = request.query;
      const items = await hub.reconciliation.listBreaks({
        participantId: participant.id,
        day,
        state,
        kind,
        afterId: after,
        limit,
      });
      return { items: items.map(breakView) };
    },
  );
};
