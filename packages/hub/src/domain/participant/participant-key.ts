/**
 * A participant's signing key: the public half of an Ed25519 key pair whose private half only
 * the participant holds. Its id is the RFC 9421 `keyid` the participant names in every
 * signature. Keys are never deleted: a revoked key stays on record so that a signature naming
 * it is refused as revoked, not as unknown.
 */
export type KeyAlgorithm = "ed25519";
export const keyAlgorithms: readonly KeyAlgorithm[] = ["ed25519"];

export type KeyStatus = "active" | "revoked";
export const keyStatuses: readonly KeyStatus[] = ["active", "revoked"];

export interface ParticipantKey {
  /** `<participantId>.<random>`, chosen by the hub. */
  readonly keyId: string;
  readonly participantId: string;
  readonly algorithm: KeyAlgorithm;
  /** base64url (no padding) of the raw 32-byte Ed25519 public key. */
  readonly publicKey: string;
  readonly status: KeyStatus;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

/**
 * Between the participant id and the random part of a key id. Neither part can hold ':', so a
 * cache may join a key id and a nonce with it.
 */
export const keyIdSeparator = ".";
