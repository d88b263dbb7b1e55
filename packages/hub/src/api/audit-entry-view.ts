import { type Static, Type } from "@sinclair/typebox";
import type { AuditEntry } from "../domain/audit/audit-entry.ts";

const Hash = Type.String({ pattern: "^[0-9a-f]{64}$" });

export const AuditEntryViewSchema = Type.Object(
  {
    seq: Type.Integer({ description: "Position in the chain, from 1; pass as `cursor` to page" }),
    at: Type.String({ format: "date-time" }),
    actor: Type.Object({
      kind: Type.String({
        description:
          "`operator_token`: an operator API token; `operator_session`: a console session; `system`: the hub or its CLI",
      }),
      id: Type.String({
        description: "The token's or session's id (never the secret), or `hub` / `cli`",
      }),
      name: Type.String({
        description: "The name the token was issued under, or the account of the session",
      }),
      operator: Type.Optional(
        Type.Object(
          { id: Type.String(), name: Type.String() },
          { description: "The operator account that acted; absent for the hub's own steps" },
        ),
      ),
    }),
    action: Type.String({ examples: ["participant.status_change"] }),
    subject: Type.String({ examples: ["participant:acme-bank"] }),
    details: Type.Record(Type.String(), Type.Unknown(), {
      description: "What changed; never card, account or ID numbers",
    }),
    prevHash: Hash,
    hash: Type.String({
      description:
        "SHA-256 of the RFC 8785 canonical JSON of seq, prevHash, at (milliseconds), actor, action, subject and details",
    }),
  },
  { title: "AuditEntry" },
);
export type AuditEntryView = Static<typeof AuditEntryViewSchema>;

export function auditEntryView(entry: AuditEntry): AuditEntryView {
  return {
    seq: entry.seq,
    at: new Date(entry.at).toISOString(),
    actor: { ...entry.actor },
    action: entry.action,
    subject: entry.subject,
    details: { ...entry.details },
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}
