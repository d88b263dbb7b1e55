import type { KeyObject } from "node:crypto";
import {
  exportPublicKeyRaw,
  generateSigningKeyPair,
  type SignOptions,
  signRequest,
} from "@clearhub/http-signatures";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { ApiHarness } from "./api-harness.ts";

/** The origin light-my-request gives injected requests; the signature covers it. */
export const injectedOrigin = "http://localhost:80";

export interface ParticipantClient {
  readonly id: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  /** Sends a request signed with the participant's key; `sign` overrides signing options. */
  call(
    method: InjectOptions["method"],
    path: string,
    payload?: unknown,
    sign?: Partial<SignOptions>,
  ): Promise<LightMyRequestResponse>;
}

export type ParticipantKindInput = "bank" | "payment_institution" | "biller";

/**
 * Onboards a participant through the operator API (EUR with the given cap), registers a fresh
 * Ed25519 key for it, and returns a client that signs every request with that key.
 */
export async function onboardParticipant(
  api: ApiHarness,
  id: string,
  kind: ParticipantKindInput = "bank",
  netDebitCap = "1000.00",
): Promise<ParticipantClient> {
  const created = await api.call("POST", "/operator/v1/participants", {
    id,
    name: `Participant ${id}`,
    kind,
    currencies: [{ currency: "EUR", netDebitCap }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const { publicKey, privateKey } = generateSigningKeyPair();
  const added = await api.call("POST", `/operator/v1/participants/${id}/keys`, {
    publicKey: exportPublicKeyRaw(publicKey),
  });
  expect(added.statusCode, added.body).toBe(201);
  const { keyId } = added.json() as { keyId: string };
  return {
    id,
    keyId,
    privateKey,
    call: (method, path, payload, sign = {}) =>
      signedInject(api, { method, path, payload }, { keyId, privateKey, ...sign }),
  };
}

export function signedInject(
  api: ApiHarness,
  request: { method: InjectOptions["method"]; path: string; payload?: unknown },
  sign: SignOptions,
): Promise<LightMyRequestResponse> {
  const body = request.payload === undefined ? undefined : JSON.stringify(request.payload);
  const method = String(request.method).toUpperCase();
  const headers = signRequest(
    { method, url: `${injectedOrigin}${request.path}`, headers: {}, body },
    sign,
  );
  return api.app.inject({
    method: request.method,
    url: request.path,
    headers: {
      ...headers,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { payload: body }),
  });
}
