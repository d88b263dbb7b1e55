import { importPublicKeyRaw, type SignatureKey } from "@clearhub/http-signatures";
import type { ParticipantKeyStore, Signer } from "../../app/ports/participant-key-store.ts";

export interface ParticipantBankKeysOptions {
  /** How long a key read from the store is used without reading it again. */
  readonly cacheTtlMs: number;
  readonly cachedKeysMax: number;
}

export const participantBankKeysDefaults: ParticipantBankKeysOptions = {
  cacheTtlMs: 5_000,
  cachedKeysMax: 10_000,
};

interface CachedKey {
  readonly signer: Signer | undefined;
  readonly key: SignatureKey | undefined;
  readonly expiresAtMs: number;
}

/**
 * The keys banks sign their answers with: the participant keys the operator registered for
 * them. A key vouches for a bank only if it is that bank's, and the bank is not terminated.
 * Reads are kept for a few seconds so that a busy connector does not read the store on every
 * answer; a revocation takes effect within that time.
 */
export class ParticipantBankKeys {
  private readonly cache = new Map<string, CachedKey>();

  constructor(
    private readonly store: ParticipantKeyStore,
    private readonly options: ParticipantBankKeysOptions = participantBankKeysDefaults,
    private readonly clock: () => number = Date.now,
  ) {}

  readonly find = async (bankId: string, keyId: string): Promise<SignatureKey | undefined> => {
    const cached = await this.read(keyId);
    const participant = cached.signer?.participant;
    if (participant === undefined || participant.id !== bankId) return undefined;
    if (participant.kind !== "bank" || participant.status === "terminated") return undefined;
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
