import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { auditPageSizeMax } from "../../app/audit/audit-log-service.ts";
import { auditActions } from "../../domain/audit/audit-action.ts";
import { auditSubjectLengthMax } from "../../domain/audit/audit-entry.ts";
import { AuditEntryViewSchema, auditEntryView } from "../audit-entry-view.ts";
import { literalUnion } from "../literal-union.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

export const auditPageSizeDefault = 100;

const Query = Type.Object({
  action: Type.Optional(literalUnion(auditActions, { description: "Only this action" })),
  subject: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: auditSubjectLengthMax,
      description: "Only this subject, e.g. `participant:acme-bank`",
    }),
  ),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: auditPageSizeMax,
      default: auditPageSizeDefault,
      description: `Page size, default ${auditPageSizeDefault}`,
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      pattern: "^[1-9][0-9]{0,14}$",
      description: "The `nextCursor` of the previous page",
    }),
  ),
});

const Page = Type.Object({
  items: Type.Array(AuditEntryViewSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: "Pass as `cursor` for the next page; null on the last page",
  }),
});

/** Newest first, keyset-paginated by seq: stable while new entries arrive. */
export const listAuditLogRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/audit-log",
    {
      schema: {
        summary: "List the audit log of operator actions, newest first",
        description:
          "Every change an operator made, with the token that made it, in one hash chain: each entry's `hash` covers its fields and the `prevHash` of the entry before it. `clearhub verify` re-walks the chain and names the first broken link.",
        tags: ["audit"],
        querystring: Query,
        response: { 200: Page, ...operatorProblems() },
      },
    },
    async (request) => {
      const { action, subject, cursor } = request.query;
      const limit = request.query.limit ?? auditPageSizeDefault;
      const page = await hub.auditLog.list({
        action,
        subject,
        cursor: cursor === undefined ? undefined : Number(cursor),
        limit,
      });
      return {
        items: page.items.map(auditEntryView),
        nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
      };
    },
  );
};
