import { type Static, Type } from "@sinclair/typebox";
import {
  keyAlgorithms,
  keyStatuses,
  type ParticipantKey,
} from "../domain/participant/participant-key.ts";
import { literalUnion } from "./literal-union.ts";

export const ParticipantKeyViewSchema = Type.Object(
  {
    keyId: Type.String({
      description: "The `keyid` parameter the participant puts in every Signature-Input",
      examples: ["acme-bank.3q2-7wVhL0sHtZ1n"],
    }),
    algorithm: literalUnion(keyAlgorithms),
    publicKey: Type.String({ description: "base64url (no padding) of the raw 32-byte key" }),
    status: literalUnion(keyStatuses),
    createdAt: Type.String({ format: "date-time" }),
    revokedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  },
  { title: "ParticipantKey" },
);
export type ParticipantKeyView = Static<typeof ParticipantKeyViewSchema>;

export function participantKeyView(key: ParticipantKey): ParticipantKeyView {
  return {
    keyId: key.keyId,
    algorithm: key.algorithm,
    publicKey: key.publicKey,
    status: key.status,
    createdAt: new Date(key.createdAt).toISOString(),
    revokedAt: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
  };
}
