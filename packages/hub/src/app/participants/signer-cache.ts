import type { ParticipantKeyStore, Signer } from "../ports/participant-key-store.ts";

export interface SignerCacheOptions {
  /**
   * How long a signer read from the store is trusted. It bounds how late another hub node
   * notices a revoked key or a terminated participant; this node forgets at once.
   */
  readonly ttlMs: number;
  readonly entriesMax: number;
  readonly clock?: () => number;
}

/** One second: a revocation made on another node holds everywhere within it. */
export const signerCacheDefaults: SignerCacheOptions = { ttlMs: 1000, entriesMax: 10_000 };

interface Held {
  readonly signer: Signer;
  readonly expiresAtMs: number;
}

/**
 * The signers of recent requests, so that a participant sending many requests costs one key
 * lookup per `ttlMs` instead of one per request. An entry's age counts from before the read
 * that filled it, so it is never older than `ttlMs`. Concurrent lookups of one key share one
 * read. Unknown keys are not remembered, so a key works as soon as it is added.
 *
 * `forgetAll` is called when this node revokes or rotates a key or changes a participant's
 * status: from then on every lookup reads the store, and a read begun before it is not kept.
 */
export class SignerCache {
  private readonly held = new Map<string, Held>();
  private readonly reading = new Map<string, Promise<Signer | undefined>>();
  /** Counts `forgetAll` calls; a read started under an older generation is answered, not kept. */
  private generation = 0;
  private readonly clock: () => number;

  constructor(
    private readonly keys: Pick<ParticipantKeyStore, "findSigner">,
    private readonly options: SignerCacheOptions = signerCacheDefaults,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  findSigner(keyId: string): Promise<Signer | undefined> {
    const held = this.held.get(keyId);
    if (held !== undefined) {
      if (this.clock() < held.expiresAtMs) return Promise.resolve(held.signer);
      this.held.delete(keyId);
    }
    return this.reading.get(keyId) ?? this.read(keyId);
  }

  forgetAll(): void {
    this.generation++;
    this.held.clear();
    this.reading.clear();
  }

  private read(keyId: string): Promise<Signer | undefined> {
    const generation = this.generation;
    const expiresAtMs = this.clock() + this.options.ttlMs;
    const reading = this.keys.findSigner(keyId).finally(() => {
      if (this.reading.get(keyId) === reading) this.reading.delete(keyId);
    });
    this.reading.set(keyId, reading);
    return reading.then((signer) => {
      if (signer !== undefined && generation === this.generation)
        this.keep(keyId, signer, expiresAtMs);
      return signer;
    });
  }

  private keep(keyId: string, signer: Signer, expiresAtMs: number): void {
    if (this.held.size >= this.options.entriesMax) {
      // Maps iterate in insertion order: the first entry is the oldest.
      const oldest = this.held.keys().next();
      if (oldest.done !== true) this.held.delete(oldest.value);
    }
    this.held.set(keyId, { signer, expiresAtMs });
  }
}
