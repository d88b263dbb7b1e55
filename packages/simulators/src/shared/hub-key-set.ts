import type { KeyObject } from "node:crypto";
import { importPublicKeyJwk, type SignatureKey } from "@clearhub/http-signatures";
import { hubKeysPath } from "@clearhub/wire";

export interface HubKeySetOptions {
  /** How long a fetched set is used, unless the hub's `max-age` says otherwise. */
  readonly cacheMsDefault: number;
  /** An unknown keyid fetches the set again, but not more often than this. */
  readonly refetchIntervalMsMin: number;
  readonly fetchTimeoutMs: number;
}

export const hubKeySetDefaults: HubKeySetOptions = {
  cacheMsDefault: 300_000,
  refetchIntervalMsMin: 5_000,
  fetchTimeoutMs: 5_000,
};

const maxAgePattern = /max-age=(\d+)/;

/**
 * The hub's public signing keys, fetched from the set it publishes and kept as its
 * Cache-Control allows. An unknown keyid (the hub replaced its key) fetches the set again, at
 * most every few seconds, so a flood of forged keyids cannot make the simulator hammer the hub.
 */
export class HubKeySet {
  private keys = new Map<string, KeyObject>();
  private fetchedAtMs = Number.NEGATIVE_INFINITY;
  private freshUntilMs = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly hubUrl: string,
    private readonly options: HubKeySetOptions = hubKeySetDefaults,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The key with this keyid, or undefined; rejects only when the hub cannot be reached. */
  async find(keyId: string): Promise<SignatureKey | undefined> {
    const now = this.clock();
    const known = this.keys.get(keyId);
    const stale = now >= this.freshUntilMs;
    const mayRefetch = now - this.fetchedAtMs >= this.options.refetchIntervalMsMin;
    if (stale || (known === undefined && mayRefetch)) await this.refresh();
    const publicKey = this.keys.get(keyId);
    return publicKey === undefined ? undefined : { status: "active", publicKey };
  }

  /** One fetch at a time: concurrent requests wait for the same answer. */
  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchKeys().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchKeys(): Promise<void> {
    const url = `${this.hubUrl.replace(/\/+$/, "")}${hubKeysPath}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(this.options.fetchTimeoutMs) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    const keys = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(body.keys) ? body.keys : []) {
      const imported = importPublicKeyJwk(jwk);
      const kid = (jwk as { kid?: unknown }).kid;
      if (imported.ok && typeof kid === "string") keys.set(kid, imported.publicKey);
    }
    const now = this.clock();
    const maxAge = maxAgePattern.exec(response.headers.get("cache-control") ?? "");
    this.keys = keys;
    this.fetchedAtMs = now;
    this.freshUntilMs = now + (maxAge ? Number(maxAge[1]) * 1000 : this.options.cacheMsDefault);
  }
}
