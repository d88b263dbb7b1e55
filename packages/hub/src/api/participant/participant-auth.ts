import type { KeyObject } from "node:crypto";
import { importPublicKeyRaw, type SignatureKey, verifyRequest } from "@clearhub/http-signatures";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SignerCache } from "../../app/participants/signer-cache.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { isPermitted, type ParticipantOperation } from "../../domain/participant/permission.ts";
import { sendProblem } from "../problem.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The participant whose signature verified; undefined outside the participant API. */
    participant: Participant | undefined;
    /** The body exactly as received, which Content-Digest covers. */
    rawBody: Buffer | undefined;
  }
  interface FastifyContextConfig {
    /** What a participant route does: checked against the caller's kind before it runs. */
    operation?: ParticipantOperation;
  }
}

/** Public keys parsed once: importing costs more than the lookup that finds them. */
const parsedKeysMax = 10_000;

/** Remembers a signature's nonce until it expires: false for one seen before, a replay. */
export interface NonceMemory {
  remember(keyId: string, nonce: string, expiresAtMs: number): Promise<boolean>;
}

export interface ParticipantAuthOptions {
  /** Finds a key and its participant; the hub's answers from its signer cache. */
  readonly keys: Pick<SignerCache, "findSigner">;
  readonly nonces: NonceMemory;
  readonly createdSkewMsMax?: number | undefined;
}

/**
 * Authentication of participant requests by HTTP Message Signatures (RFC 9421). The cheap
 * check runs on request, before the body is read: an unsigned request is refused without the
 * hub parsing anything. The signature itself covers the body's digest, so it is verified once
 * the body is in, before the schema looks at it.
 */
export class ParticipantAuth {
  private readonly parsedKeys = new Map<string, KeyObject>();

  constructor(private readonly options: ParticipantAuthOptions) {}

  readonly requireSignatureHeaders = async (request: FastifyRequest, reply: FastifyReply) => {
    const headers = request.headers;
    if (headers.signature === undefined || headers["signature-input"] === undefined) {
      return sendProblem(reply, "signature_missing");
    }
    return undefined;
  };

  readonly verify = async (request: FastifyRequest, reply: FastifyReply) => {
    let participant: Participant | undefined;
    const verification = await verifyRequest(
      {
        method: request.method,
        url: `${request.protocol}://${request.host}${request.url}`,
        headers: request.headers,
        body: request.rawBody,
      },
      {
        findKey: async (keyId) => {
          const signer = await this.options.keys.findSigner(keyId);
          participant = signer?.participant;
          return signer === undefined ? undefined : this.signatureKey(signer.key);
        },
        rememberNonce: (keyId, nonce, expiresAtMs) =>
          this.options.nonces.remember(keyId, nonce, expiresAtMs),
        createdSkewMsMax: this.options.createdSkewMsMax,
      },
    );
    if (!verification.ok) return sendProblem(reply, verification.code);
    if (participant === undefined) throw new Error("verified a signature without its participant");
    if (participant.status === "terminated") return sendProblem(reply, "key_owner_terminated");
    request.participant = participant;
    request.caller = participant.id;
    request.log = request.log.child({ participantId: participant.id, keyId: verification.keyId });
    const operation = request.routeOptions.config.operation;
    if (operation === undefined || !isPermitted(participant.kind, operation)) {
      return sendProblem(reply, "operation_not_permitted", {
        detail: `a ${participant.kind} may not ${operation ?? "use this route"}`,
      });
    }
    return undefined;
  };

  private signatureKey(key: { keyId: string; publicKey: string; status: string }): SignatureKey {
    const cacheKey = `${key.keyId} ${key.publicKey}`;
    let publicKey = this.parsedKeys.get(cacheKey);
    if (publicKey === undefined) {
      const imported = importPublicKeyRaw(key.publicKey);
      // Keys are checked when registered: one that no longer parses means a damaged store.
      if (!imported.ok) throw new Error(`stored key ${key.keyId} does not parse: ${imported.code}`);
      publicKey = imported.publicKey;
      if (this.parsedKeys.size >= parsedKeysMax) this.parsedKeys.clear();
      this.parsedKeys.set(cacheKey, publicKey);
    }
    return { status: key.status === "active" ? "active" : "revoked", publicKey };
  }
}
