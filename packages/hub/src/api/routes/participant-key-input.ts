import { Type } from "@sinclair/typebox";
import { ParticipantIdInput } from "./participant-params.ts";

/** Longer than any valid value, so a bad key answers public_key_invalid, not a schema error. */
const publicKeyLengthMax = 256;
/** Longer than any key id the hub issues (a participant id, '.', 16 characters). */
const keyIdLengthMax = 128;

export const PublicKeyBody = Type.Object(
  {
    publicKey: Type.String({
      minLength: 1,
      maxLength: publicKeyLengthMax,
      description:
        "The raw 32-byte Ed25519 public key as unpadded base64url (43 characters): the `x` of its JWK",
      examples: ["11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"],
    }),
  },
  { additionalProperties: false },
);

export const ParticipantKeyParams = Type.Object({
  participantId: ParticipantIdInput,
  keyId: Type.String({ minLength: 1, maxLength: keyIdLengthMax }),
});
