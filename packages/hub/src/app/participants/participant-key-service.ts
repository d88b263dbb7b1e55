import { createPublicKey, randomBytes } from "node:crypto";
import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import { checkEd25519PublicKey } from "../../domain/participant/ed25519-public-key.ts";
import { keyIdSeparator, type ParticipantKey } from "../../domain/participant/participant-key.ts";
import type { ParticipantKeyStore } from "../ports/participant-key-store.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

/**
 * Why a key operation was refused, in order of precedence: the request's own key first (no
 * store is read for a malformed one), then the participant, then the named key, then the limit.
 */
export type ParticipantKeyErrorCode =
  | "public_key_invalid"
  | "participant_not_found"
  | "participant_terminated"
  | "key_not_found"
  | "key_already_revoked"
  | "active_keys_exhausted";

export type KeyOutcome<T> = { ok: true; value: T } | { ok: false; code: ParticipantKeyErrorCode };

/**
 * Several keys may be active at once, so a participant can roll a new key out to its servers
 * before revoking the old one; the bound keeps a forgotten key from lingering unnoticed among
 * many, and bounds the keys a signature check may have to consider.
 */
export const activeKeysPerParticipantMax = 5;
/** 96 random bits: key ids are public, so they need only be unique, not secret. */
const keyIdRandomBytes = 12;
/** base64url of 32 bytes without padding. */
const publicKeyPattern = /^[A-Za-z0-9_-]{43}$/;

function fail<T>(code: ParticipantKeyErrorCode): KeyOutcome<T> {
  return { ok: false, code };
}

/**
 * True for the canonical unpadded base64url of an Ed25519 public key that Node's crypto
 * accepts and that is a point of the curve's large prime-order subgroup.
 */
export function isValidEd25519PublicKey(publicKey: string): boolean {
  if (!publicKeyPattern.test(publicKey)) return false;
  const bytes = Buffer.from(publicKey, "base64url");
  // The last character carries two spare bits; only the form with them zero is canonical.
  if (bytes.toString("base64url") !== publicKey) return false;
  try {
    createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKey }, format: "jwk" });
  } catch {
    return false;
  }
  return checkEd25519PublicKey(bytes) === "ok";
}

/** Operator use-cases for the keys participants sign their requests with. */
export class ParticipantKeyService {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly keys: ParticipantKeyStore,
    private readonly clock: () => number = Date.now,
    /** Told after a key stops being usable, so signers held in memory are dropped at once. */
    private readonly onSignersChanged: () => void = () => {},
  ) {}

  async add(
    participantId: string,
    publicKey: string,
    actor: AuditActor,
  ): Promise<KeyOutcome<ParticipantKey>> {
    if (!isValidEd25519PublicKey(publicKey)) return fail("public_key_invalid");
    const key = this.newKey(participantId, publicKey);
    const audit = this.record(actor, "participant_key.add", key, { publicKey });
    const added = await this.keys.addKey(key, activeKeysPerParticipantMax, audit);
    return added === "ok" ? { ok: true, value: key } : fail(added);
  }

  async list(participantId: string): Promise<KeyOutcome<ParticipantKey[]>> {
    if ((await this.participants.findParticipant(participantId)) === undefined) {
      return fail("participant_not_found");
    }
    return { ok: true, value: await this.keys.listKeys(participantId) };
  }

  /** Adds a new key and revokes `replacedKeyId` atomically: the participant never has neither. */
  async rotate(
    participantId: string,
    replacedKeyId: string,
    publicKey: string,
    actor: AuditActor,
  ): Promise<KeyOutcome<ParticipantKey>> {
    if (!isValidEd25519PublicKey(publicKey)) return fail("public_key_invalid");
    const key = this.newKey(participantId, publicKey);
    const audit = this.record(actor, "participant_key.rotate", key, {
      publicKey,
      replacedKeyId,
    });
    const rotated = await this.keys.rotateKey(replacedKeyId, key, audit);
    if (rotated !== "ok") return fail(rotated);
    this.onSignersChanged();
    return { ok: true, value: key };
  }

  /**
   * Revokes a key at once; allowed whatever the participant's status, since revoking is how a
   * leaked key is contained. Revoking the last active key leaves the participant unable to sign.
   */
  async revoke(
    participantId: string,
    keyId: string,
    actor: AuditActor,
  ): Promise<KeyOutcome<ParticipantKey>> {
    if ((await this.participants.findParticipant(participantId)) === undefined) {
      return fail("participant_not_found");
    }
    const key = await this.keys.findKey(keyId);
    if (key === undefined || key.participantId !== participantId) return fail("key_not_found");
    if (key.status === "revoked") return fail("key_already_revoked");
    const at = this.clock();
    // Conditional on the key being active: a racing revocation makes this one lose.
    const audit = this.record(actor, "participant_key.revoke", key, {});
    if (!(await this.keys.revokeKey(keyId, at, audit))) return fail("key_already_revoked");
    this.onSignersChanged();
    return { ok: true, value: { ...key, status: "revoked", revokedAt: at } };
  }

  /** Public keys are public: recording them lets an auditor match a signature to its key. */
  private record(
    actor: AuditActor,
    action: AuditAction,
    key: ParticipantKey,
    details: AuditDetails,
  ): AuditRecord {
    return {
      at: this.clock(),
      actor,
      action,
      subject: `participant_key:${key.keyId}`,
      details: { participantId: key.participantId, ...details },
    };
  }

  private newKey(participantId: string, publicKey: string): ParticipantKey {
    return {
      keyId: `${participantId}${keyIdSeparator}${randomBytes(keyIdRandomBytes).toString("base64url")}`,
      participantId,
      algorithm: "ed25519",
      publicKey,
      status: "active",
      createdAt: this.clock(),
      revokedAt: null,
    };
  }
}
