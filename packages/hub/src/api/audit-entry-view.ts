import { type Static, Type } from "@sinclair/typebox";
import type { AuditEntry } from "../domain/audit/audit-entry.ts";

const Hash = Type.String({ pattern: "^[0-9a-f]{64}$" });

export const AuditEntryViewSchema = Type.Object(
  {
    seq: Type.Integer({ description: "Position in the chain, from 1; pass as `cursor` to page" }),
    at: Type.String({ format: "date-time" }),
    actor: Type.Object({
      kind: Type.String({
        description: "`operator_token`: an operator API token; `system`: the hub or its CLI",
      }),
      id: Type.String({ description: "The token's id (never the token), or `hub` / `cli`" }),
      name: Type.String({ description: "The name the token was issued under" }),
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
