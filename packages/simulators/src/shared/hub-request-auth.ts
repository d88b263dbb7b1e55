import { type SignatureFailureCode, verifyRequest } from "@clearhub/http-signatures";
import type { FastifyRequest } from "fastify";
import type { HubKeySet } from "./hub-key-set.ts";
import type { NonceMemory } from "./nonce-memory.ts";
import { requestUrl } from "./request-origin.ts";

export type HubRequestCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: SignatureFailureCode }
  /** The hub's key set could not be fetched: the request can be neither trusted nor refused. */
  | { readonly ok: false; readonly code: "hub_keys_unavailable"; readonly detail: string };

export interface HubRequestAuthOptions {
  /** Undefined trusts every request unverified: for benchmarks that measure the hub alone. */
  readonly keys: HubKeySet | undefined;
  readonly nonces: NonceMemory;
  readonly publicOrigin: string | undefined;
  readonly createdSkewMsMax?: number | undefined;
  readonly clock?: (() => number) | undefined;
}

/** Verifies that a request to a simulated interface was signed by the hub, once. */
export class HubRequestAuth {
  constructor(private readonly options: HubRequestAuthOptions) {}

  get verifying(): boolean {
    return this.options.keys !== undefined;
  }

  async check(request: FastifyRequest, rawBody: Buffer | undefined): Promise<HubRequestCheck> {
    const { keys, nonces } = this.options;
    if (keys === undefined) return { ok: true };
    try {
      const verified = await verifyRequest(
        {
          method: request.method,
          url: requestUrl(request, this.options.publicOrigin),
          headers: request.headers,
          body: rawBody,
        },
        {
          findKey: (keyId) => keys.find(keyId),
          rememberNonce: async (keyId, nonce, expiresAtMs) =>
            nonces.remember(keyId, nonce, expiresAtMs),
          createdSkewMsMax: this.options.createdSkewMsMax,
          clock: this.options.clock,
        },
      );
      return verified.ok ? { ok: true } : verified;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, code: "hub_keys_unavailable", detail };
    }
  }
}
