/**
 * Calls a bank as the hub does, with raw control for tests: each request signed with the fake
 * hub's key (or tampered with after signing), each answer's signature checked with the bank's
 * key. Tests of the hub's own connector live in the hub package.
 */
import {
  importPublicKeyRaw,
  type SignOptions,
  signRequest,
  verifyResponse,
} from "@clearhub/http-signatures";
import { Agent, request } from "undici";
import type { FakeHub } from "./fake-hub.ts";

export interface ClientAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the answer's fields one by one
  readonly body: any;
  /** The answer's signature verified with the bank's key and bound to this request. */
  readonly signed: boolean;
}

export interface ClientCall {
  /** Changes the body after it was signed, as an attacker in the middle would. */
  readonly tamper?: (payload: string) => string;
  readonly sign?: Partial<SignOptions>;
  readonly timeoutMs?: number;
}

export function signedClient(hub: FakeHub, bank: { publicKey: string; keyId: string }) {
  const agent = new Agent({ connections: 256 });
  const imported = importPublicKeyRaw(bank.publicKey);
  if (!imported.ok) throw new Error(imported.code);
  const bankKey = imported.publicKey;
  return {
    async post(url: string, body: unknown, call: ClientCall = {}): Promise<ClientAnswer> {
      const payload = JSON.stringify(body);
      const headers = { "content-type": "application/json" };
      const signature = signRequest(
        { method: "POST", url, headers, body: payload },
        {
          keyId: hub.key.keyId,
          privateKey: hub.key.privateKey,
          components: ["@method", "@target-uri", "content-digest", "content-type"],
          ...call.sign,
        },
      );
      const sent = { method: "POST", url, headers: { ...headers, ...signature } };
      const response = await request(url, {
        method: "POST",
        headers: sent.headers,
        body: call.tamper === undefined ? payload : call.tamper(payload),
        dispatcher: agent,
        signal: AbortSignal.timeout(call.timeoutMs ?? 5_000),
      });
      const raw = Buffer.from(await response.body.arrayBuffer());
      const verified = await verifyResponse(
        { status: response.statusCode, headers: response.headers, body: raw },
        sent,
        {
          findKey: async (keyId) =>
            keyId === bank.keyId ? { status: "active", publicKey: bankKey } : undefined,
        },
      );
      return {
        status: response.statusCode,
        body: JSON.parse(raw.toString() || "null"),
        signed: verified.ok,
      };
    },
    close: () => agent.close(),
  };
}
