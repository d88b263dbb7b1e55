import { Type } from "@sinclair/typebox";

/** Longer than any valid id, so a bad id answers its own code or a 404, not a schema error. */
export const participantIdLengthMax = 64;

export const ParticipantIdInput = Type.String({
  minLength: 1,
  maxLength: participantIdLengthMax,
  description: "2-63 characters of a-z, 0-9 and '-', starting with a letter or digit",
  examples: ["acme-bank"],
});

export const ParticipantParams = Type.Object({ participantId: ParticipantIdInput });
