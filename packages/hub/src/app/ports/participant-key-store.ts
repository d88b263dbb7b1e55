import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { ParticipantKey } from "../../domain/participant/participant-key.ts";

/** Why a key write was refused; each is checked in the write's own transaction. */
export type KeyWriteRefusal =
  | "participant_not_found"
  | "participant_terminated"
  | "key_not_found"
  | "key_already_revoked"
  | "active_keys_exhausted";

export type KeyWriteResult = "ok" | KeyWriteRefusal;

/**
 * The participants' signing keys. Writes that depend on the participant or on its other keys
 * check and write in one transaction holding the participant's row, so concurrent requests
 * (from several hub nodes too) cannot exceed the limit or revive a terminated participant.
 * A write given an `audit` record appends it in the same transaction when it succeeds.
 */
export interface ParticipantKeyStore {
  /**
   * Adds an active key if the participant exists, is not terminated, and holds fewer than
   * `activeKeysMax` active keys.
   */
  addKey(key: ParticipantKey, activeKeysMax: number, audit?: AuditRecord): Promise<KeyWriteResult>;
  /**
   * Adds `key` and revokes `replacedKeyId` (which must be an active key of the same
   * participant) at `key.createdAt`, both or neither. The count of active keys is unchanged,
   * so a participant at its limit can still rotate.
   */
  rotateKey(
    replacedKeyId: string,
    key: ParticipantKey,
    audit?: AuditRecord,
  ): Promise<KeyWriteResult>;
  /** The participant's keys, active and revoked, oldest first. */
  listKeys(participantId: string): Promise<ParticipantKey[]>;
  findKey(keyId: string): Promise<ParticipantKey | undefined>;
  /** The key with its participant, in one read: what every signed request looks up. */
  findSigner(keyId: string): Promise<Signer | undefined>;
  /** Revokes the key if it is active; false if it is unknown or already revoked. */
  revokeKey(keyId: string, at: number, audit?: AuditRecord): Promise<boolean>;
}

export interface Signer {
  readonly key: ParticipantKey;
  readonly participant: Participant;
}
