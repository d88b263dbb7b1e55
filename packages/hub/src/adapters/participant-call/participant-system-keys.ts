import { importPublicKeyRaw, type SignatureKey } from "@clearhub/http-signatures";
import type { ParticipantKeyStore, Signer } from "../../app/ports/participant-key-store.ts";
import { hasCalledSystem } from "../../domain/participant/called-system-kind.ts";

export interface ParticipantSystemKeysOptions {
  /** How long a key read from the store is used without reading it again. */
  readonly cacheTtlMs: number;
  readonly cachedKeysMax: number;
}

export const participantSystemKeysDefaults: ParticipantSystemKeysOptions = {
  cacheTtlMs: 5_000,
  cachedKeysMax: 10_000,
};

interface CachedKey {
  readonly signer: Signer | undefined;
  readonly key: SignatureKey | undefined;
  readonly expiresAtMs: number;
}

/**
 * The keys participants' systems (banks, billers) sign their answers with: the participant keys
 * the operator registered for them. A key vouches for an answer only if it is the key of the
 * participant whose system was called (the endpoint's owner), that participant is of a kind whose
 * system the hub calls, and it is not terminated.
 * Reads are kept for a few seconds so that a busy connector does not read the store on every
 * answer; a revocation takes effect within that time.
 */
export class ParticipantSystemKeys {
  private readonly cache = new Map<string, CachedKey>();

  constructor(
    private readonly store: ParticipantKeyStore,
    private readonly options: ParticipantSystemKeysOptions = participantSystemKeysDefaults,
    private readonly clock: () => number = Date.now,
  ) {}

  readonly find = async (ownerId: string, keyId: string): Promise<SignatureKey | undefined> => {
    const cached = await this.read(keyId);
    const participant = cached.signer?.participant;
    if (participant === undefined || participant.id !== ownerId) return undefined;
    if (!hasCalledSystem(participant.kind) || participant.status === "terminated") return undefined;
    return cached.key;
  };

  private async read(keyId: string): Promise<CachedKey> {
    const now = this.clock();
    const cached = this.cache.get(keyId);
    if (cached !== undefined && cached.expiresAtMs > now) return cached;
    const signer = await this.store.findSigner(keyId);
    const entry = {
      signer,
      key: signer && signatureKey(signer),
      expiresAtMs: now + this.options.cacheTtlMs,
    };
    if (this.cache.size >= this.options.cachedKeysMax) this.cache.clear();
    this.cache.set(keyId, entry);
    return entry;
  }
}

function signatureKey(signer: Signer): SignatureKey {
  const imported = importPublicKeyRaw(signer.key.publicKey);
  // Keys are checked when registered: one that no longer parses means a damaged store.
  if (!imported.ok) throw new Error(`stored key ${signer.key.keyId} does not parse`);
  return {
    status: signer.key.status === "active" ? "active" : "revoked",
    publicKey: imported.publicKey,
  };
}
