import type { KeyObject } from "node:crypto";
import { importPublicKeyJwk } from "@clearhub/http-signatures";
import type { HubKeySet as HubKeySetBody } from "./api-types.ts";
import type { FetchFunction } from "./signed-transport.ts";

export const hubKeysPath = "/.well-known/clearhub-hub-keys";

export interface HubKeySetOptions {
  /** The hub's address; the set is at /.well-known/clearhub-hub-keys under it. */
  readonly hubUrl: string;
  readonly fetch: FetchFunction;
  /**
   * The least time between two fetches of the set, whatever asks for them: a forged keyid,
   * sent again and again, must not turn the receiver into a flood against the hub.
   */
  readonly refetchIntervalMs: number;
  readonly fetchTimeoutMs: number;
  readonly clock: () => number;
}

/** How long the set is used without asking again, unless the hub's Cache-Control says. */
const maxAgeMsDefault = 300_000;
const maxAgeMsMax = 24 * 60 * 60 * 1000;
/** A set holds the current key and perhaps a few more; anything bigger is not the hub's. */
const keySetBytesMax = 64 * 1024;
const keysMax = 16;

/** The key set could not be had, so no signature can be checked: a transient state. */
export class KeySetUnavailableError extends Error {
  override readonly name = "KeySetUnavailableError";
}

interface FetchedSet {
  readonly keys: ReadonlyMap<string, KeyObject>;
  readonly fetchedAtMs: number;
  readonly maxAgeMs: number;
}

function maxAgeMs(cacheControl: string | null): number {
  const seconds = cacheControl?.match(/(?:^|[,\s])max-age=(\d+)/i)?.[1];
  return seconds === undefined ? maxAgeMsDefault : Math.min(Number(seconds) * 1000, maxAgeMsMax);
}

/** Ed25519 keys by kid; entries that are not such keys are skipped, not fatal. */
function importKeys(body: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const listed = (body as Partial<HubKeySetBody> | null)?.keys;
  if (!Array.isArray(listed)) throw new KeySetUnavailableError("the key set has no keys array");
  for (const jwk of listed.slice(0, keysMax)) {
    const imported = importPublicKeyJwk(jwk);
    if (imported.ok && typeof jwk.kid === "string") keys.set(jwk.kid, imported.publicKey);
  }
  return keys;
}

/**
 * The hub's webhook signing keys, fetched from its well-known address and cached for the
 * max-age the hub sends. An unknown keyid (the hub replaced its key) fetches the set again,
 * at most once per `refetchIntervalMs`; concurrent lookups share one fetch. When a fetch fails
 * the set held before is kept in use.
 */
export class HubKeySet {
  private held: FetchedSet | undefined;
  private lastFetchAtMs = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;
  private readonly url: string;

  constructor(private readonly options: HubKeySetOptions) {
    // Under the hub's address as given, path included, as the client's routes are.
    this.url = `${new URL(options.hubUrl).href.replace(/\/+$/, "")}${hubKeysPath}`;
  }

  /** The key, or undefined if the hub does not have it; throws KeySetUnavailableError. */
  async find(keyId: string): Promise<KeyObject | undefined> {
    const held = this.held;
    const fresh = held !== undefined && this.options.clock() < held.fetchedAtMs + held.maxAgeMs;
    const known = held?.keys.get(keyId);
    if (fresh && known !== undefined) return known;
    await this.refresh();
    if (this.held === undefined) {
      throw new KeySetUnavailableError("the hub's key set was never fetched");
    }
    return this.held.keys.get(keyId);
  }

  /** Fetches the set unless one fetch is under way (then waits for it) or one was too recent. */
  private async refresh(): Promise<void> {
    if (this.inFlight === undefined) {
      if (this.options.clock() - this.lastFetchAtMs < this.options.refetchIntervalMs) return;
      this.lastFetchAtMs = this.options.clock();
      this.inFlight = this.fetchSet().finally(() => {
        this.inFlight = undefined;
      });
    }
    try {
      await this.inFlight;
    } catch (error) {
      if (this.held === undefined) throw error;
    }
  }

  private async fetchSet(): Promise<void> {
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(this.url, {
        method: "GET",
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(this.options.fetchTimeoutMs),
        redirect: "error",
      });
      text = await response.text();
    } catch (error) {
      throw new KeySetUnavailableError(`fetching ${this.url} failed`, { cause: error });
    }
    if (!response.ok) throw new KeySetUnavailableError(`${this.url} answered ${response.status}`);
    if (text.length > keySetBytesMax) throw new KeySetUnavailableError(`${this.url} is too large`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new KeySetUnavailableError(`${this.url} is not JSON`, { cause: error });
    }
    this.held = {
      keys: importKeys(body),
      fetchedAtMs: this.options.clock(),
      maxAgeMs: maxAgeMs(response.headers.get("cache-control")),
    };
  }
}
