/**
 * A real hub listening on 127.0.0.1 with a port of its own, on a fresh isolated store, built as
 * the hub's own API tests build theirs; participants are onboarded through its operator API
 * and get an SDK client signing with their new key.
 */
import type { KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type ApiHarness, openApiHarness } from "@clearhub/hub/test/api/api-harness.ts";
import {
  onboardParticipant,
  type ParticipantKindInput,
} from "@clearhub/hub/test/api/participant-client.ts";
import type { Backend } from "@clearhub/hub/test/support/backends.ts";
import type { TestHubOptions } from "@clearhub/hub/test/support/test-hub.ts";
import { ClearhubClient, type ClearhubClientOptions } from "../../src/index.ts";

export interface OnboardedParticipant {
  readonly id: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  /** An SDK client of this participant, talking to `baseUrl` unless told otherwise. */
  client(options?: Partial<ClearhubClientOptions>): ClearhubClient;
}

export interface HubServer extends ApiHarness {
  /** Where the hub listens, e.g. http://127.0.0.1:41234. */
  readonly baseUrl: string;
  /** Onboards a participant (EUR, the given cap) and registers a fresh key for it. */
  participant(
    id: string,
    kind?: ParticipantKindInput,
    netDebitCap?: string,
  ): Promise<OnboardedParticipant>;
  close(): Promise<void>;
}

/** Tests wait out no backoff they do not mean to: retries, when they happen, come at once. */
export const quickRetry = { backoffBaseMs: 1, backoffCapMs: 5_000 } as const;

export async function startHubServer(
  backend: Backend = "sqlite",
  options: TestHubOptions = {},
): Promise<HubServer> {
  const harness = await openApiHarness(backend, {}, options);
  await harness.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = harness.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    ...harness,
    baseUrl,
    async participant(id, kind = "payment_institution", netDebitCap = "1000.00") {
      const { keyId, privateKey } = await onboardParticipant(harness, id, kind, netDebitCap);
      return {
        id,
        keyId,
        privateKey,
        client: (overrides = {}) =>
          new ClearhubClient({ baseUrl, keyId, privateKey, retry: quickRetry, ...overrides }),
      };
    },
    close: () => harness.dispose(),
  };
}
