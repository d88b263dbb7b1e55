import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { readConfirmationFile } from "../../app/settlement/confirmation-file-reader.ts";
import { windowStates } from "../../domain/settlement/settlement-window.ts";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { literalUnion } from "../literal-union.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { ConfirmationViewSchema, confirmationAnswer } from "../settlement-confirmation-view.ts";
import {
  SettlementReportViewSchema,
  SettlementWindowViewSchema,
  settlementReportView,
  settlementWindowView,
} from "../settlement-window-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const WindowParams = Type.Object({ windowId: Type.String({ maxLength: 40 }) });

const windowPageSizeMax = 200;

const ListQuery = Type.Object(
  {
    currency: Type.Optional(Type.String({ maxLength: 16 })),
    state: Type.Optional(literalUnion(windowStates)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: windowPageSizeMax, default: 50 })),
  },
  { additionalProperties: false },
);

export const ConfirmBody = Type.Object(
  {
    scope: literalUnion(["all", "all_covered", "participants"] as const, {
      description:
        "all: every instruction, refused whole if a payer is short; all_covered: everyone whose reserve covers its instruction, the short wait; participants: those named",
    }),
    participantIds: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 10_000 }),
    ),
  },
  { additionalProperties: false },
);

/** A confirmation file as JSON: the CSV text, up to the body limit. */
const FileBody = Type.Object(
  {
    file: Type.String({
      description:
        "The settlement bank's CSV: header window_id,participant_id,direction,amount,currency, one line per participant it moved money for",
    }),
  },
  { additionalProperties: false },
);

const FileParams = Type.Object({
  windowId: Type.String({ maxLength: 40 }),
  name: Type.String({ maxLength: 200, pattern: "^[A-Za-z0-9._-]+$" }),
});

/**
 * Settlement windows: list, report, close, confirm (four eyes, or the settlement bank's file),
 * abort, and the window's files.
 */
function fileProblem(kind: "window_not_found" | "window_not_closed" | "file_not_found") {
  return kind === "file_not_found" ? "settlement_file_not_found" : kind;
}

export const settlementWindowRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/settlement-windows",
    {
      schema: {
        summary: "Settlement windows, newest first; every currency's open window among them",
        tags: ["settlement"],
        querystring: ListQuery,
        response: {
          200: Type.Object({ items: Type.Array(SettlementWindowViewSchema) }),
          ...operatorProblems(),
        },
      },
    },
    async (request) => {
      const windows = await hub.settlement.list({
        currency: request.query.currency,
        state: request.query.state,
        limit: request.query.limit ?? 50,
      });
      return { items: windows.map(settlementWindowView) };
    },
  );

  app.get(
    "/settlement-windows/:windowId",
    {
      schema: {
        summary: "A window with its net positions, instructions, legs and liquidity warnings",
        tags: ["settlement"],
        params: WindowParams,
        response: { 200: SettlementReportViewSchema, ...operatorProblems("window_not_found") },
      },
    },
    async (request, reply) => {
      const report = await hub.settlement.report(request.params.windowId);
      if (report === undefined) return sendProblem(reply, "window_not_found");
      return settlementReportView(report);
    },
  );

  app.get(
    "/settlement-windows/:windowId/files",
    {
      schema: {
        summary: "The names of a closed window's files",
        tags: ["settlement"],
        params: WindowParams,
        response: {
          200: Type.Object({ files: Type.Array(Type.String()) }),
          ...operatorProblems("window_not_found", "window_not_closed"),
        },
      },
    },
    async (request, reply) => {
      const names = await hub.settlementFiles.names(request.params.windowId);
      if ("kind" in names) return sendProblem(reply, fileProblem(names.kind));
      return { files: names };
    },
  );

  app.get(
    "/settlement-windows/:windowId/files/:name",
    {
      schema: {
        summary: "One of a closed window's files: CSV, or ISO 20022 XML (pacs.009, camt.053)",
        description:
          "positions.csv, instructions.csv and bilateral.csv, columns as the README's Settlement files section documents them (bilateral.csv reads the window's transfers, so it costs what they number); `<window>-<participant>-<account>.pacs.009.xml` per instruction and `.camt.053.xml` per participant that moved, as GET .../files lists them.",
        tags: ["settlement"],
        params: FileParams,
        produces: ["text/csv", "application/xml"],
        response: {
          200: Type.String(),
          ...operatorProblems("window_not_found", "window_not_closed", "settlement_file_not_found"),
        },
      },
    },
    async (request, reply) => {
      const { windowId, name } = request.params;
      const found = await hub.settlementFiles.file(windowId, name);
      if (found.kind !== "found") return sendProblem(reply, fileProblem(found.kind));
      const filename = name.endsWith(".xml") ? name : `${windowId}-${name}`;
      return reply
        .header("content-type", `${found.file.contentType}; charset=utf-8`)
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(found.file.text);
    },
  );

  app.post(
    "/settlement-windows/:windowId/close",
    {
      schema: {
        summary: "Close the open window and open the next",
        description:
          "Atomic with the ledger's batches: every batch lands wholly in one window. Costs one row per participant, whatever the number of transfers. Closing a window closed already answers it as it stands (a retry is safe).",
        tags: ["settlement"],
        params: WindowParams,
        response: {
          200: Type.Object({
            window: SettlementWindowViewSchema,
            next: Type.Union([SettlementWindowViewSchema, Type.Null()], {
              description: "The window this close opened; null when the window was closed already",
            }),
          }),
          ...operatorProblems("window_not_found"),
        },
      },
    },
    async (request, reply) => {
      const window = await hub.settlement.window(request.params.windowId);
      if (window === undefined) return sendProblem(reply, "window_not_found");
      const outcome = await hub.settlement.close(
        window.currency,
        { kind: "window", windowId: window.id },
        operatorActor(request),
      );
      if (outcome.kind === "refused") return sendProblem(reply, outcome.refusal);
      if (outcome.kind === "closed") {
        return {
          window: settlementWindowView(outcome.window),
          next: settlementWindowView(outcome.next),
        };
      }
      const now = await hub.settlement.window(window.id);
      return { window: settlementWindowView(now ?? window), next: null };
    },
  );

  app.post(
    "/settlement-windows/:windowId/settlement",
    {
      schema: {
        summary: "Propose confirming the window's settlement (four eyes)",
        description:
          "Answers 202 with a proposal; once another operator approves it, the legs are posted through the ledger: payers' settlement accounts pay into their positions, receivers' positions pay out into their settlement accounts. Each leg's transfer id is derived from the window and account, so a leg moves money once however often it is confirmed.",
        tags: ["settlement"],
        params: WindowParams,
        body: ConfirmBody,
        response: {
          202: ProposalSchema,
          ...operatorProblems(
            "window_not_found",
            "window_not_closed",
            "window_already_settled",
            "window_aborted",
            "participant_not_in_window",
            "request_invalid",
          ),
        },
      },
    },
    async (request, reply) => {
      const { scope, participantIds } = request.body;
      if ((scope === "participants") !== (participantIds !== undefined)) {
        return sendProblem(reply, "request_invalid", {
          detail: "participantIds is required with scope participants, and only then",
        });
      }
      return proposeAction(hub, request, reply, "settlement.confirm", {
        windowId: request.params.windowId,
        scope,
        participantIds: participantIds ?? [],
      });
    },
  );

  app.post(
    "/settlement-windows/:windowId/confirmation-file",
    {
      schema: {
        summary: "Confirm settlement from the settlement bank's confirmation file",
        description:
          "Each line is checked against the window (window id, participant, direction, amount, currency); one mismatch refuses the whole file and nothing moves. A file that matches posts the legs of the participants it lists.",
        tags: ["settlement"],
        params: WindowParams,
        body: FileBody,
        response: {
          200: ConfirmationViewSchema,
          ...operatorProblems(
            "window_not_found",
            "window_not_closed",
            "window_already_settled",
            "window_aborted",
            "confirmation_file_mismatch",
            "confirmation_file_malformed",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readConfirmationFile(request.body.file);
      if (!read.ok)
        return sendProblem(reply, "confirmation_file_malformed", { detail: read.detail });
      const outcome = await hub.settlement.confirmFile(
        request.params.windowId,
        read.lines,
        operatorActor(request),
      );
      const answer = confirmationAnswer(outcome);
      return answer.ok ? answer.body : sendProblem(reply, answer.code, answer.extras);
    },
  );

  app.post(
    "/settlement-windows/:windowId/abort",
    {
      schema: {
        summary: "Abort a closed window: its positions return in the next round",
        description:
          "Only a window none of whose legs were posted. Its net positions are carried into the currency's open window and settle with it.",
        tags: ["settlement"],
        params: WindowParams,
        response: {
          200: Type.Object({
            window: SettlementWindowViewSchema,
            into: SettlementWindowViewSchema,
          }),
          ...operatorProblems(
            "window_not_found",
            "window_not_closed",
            "window_settling",
            "window_already_settled",
            "window_aborted",
          ),
        },
      },
    },
    async (request, reply) => {
      const outcome = await hub.settlement.abort(request.params.windowId, operatorActor(request));
      if (typeof outcome === "string") return sendProblem(reply, outcome);
      return {
        window: settlementWindowView(outcome.window),
        into: settlementWindowView(outcome.into),
      };
    },
  );
};
