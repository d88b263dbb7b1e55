import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { auditLinkProblems } from "../../domain/audit/audit-entry.ts";
import { literalUnion } from "../literal-union.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Verification = Type.Object(
  {
    ok: Type.Boolean({ description: "Every link of the chain holds, up to the head" }),
    entries: Type.Integer({ description: "Entries whose links held, from the first one on" }),
    firstBroken: Type.Union(
      [
        Type.Object({
          seq: Type.Integer({
            description: "The first entry that does not link, or the head's seq",
          }),
          problem: literalUnion(auditLinkProblems, {
            description:
              "seq_gap: an entry is missing; prev_hash_mismatch, hash_mismatch: an entry was edited; head_mismatch: entries were cut from the end",
          }),
        }),
        Type.Null(),
      ],
      { description: "null when the chain verified" },
    ),
  },
  { title: "AuditChainVerification" },
);

/** The check `clearhub verify` makes of the audit log, for the console's chain status. */
export const verifyAuditLogRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/audit-log/verification",
    {
      schema: {
        summary: "Verify the audit log's hash chain",
        description:
          "Re-walks the chain from its first entry, 500 entries at a time, and names the first broken link, as `clearhub verify` does. It reads the whole log: ask for it when you look, not on a timer.",
        tags: ["audit"],
        response: { 200: Verification, ...operatorProblems() },
      },
    },
    async () => {
      const report = await hub.auditLog.verify();
      return { ok: report.ok, entries: report.entries, firstBroken: report.firstBroken };
    },
  );
};
