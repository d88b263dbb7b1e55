/**
 * A real HTTP server standing in for a participant's webhook endpoint: it records every
 * request and answers as the test tells it, and verifies signatures as a participant would,
 * with @clearhub/http-signatures and the key set the hub publishes.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import {
  importPublicKeyJwk,
  type SignatureVerification,
  verifyRequest,
} from "@clearhub/http-signatures";

export interface ReceivedWebhook {
  readonly method: string;
  /** Absolute, as the receiver registered it. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Answer only after this long. */
  readonly delayMs?: number;
}

export type Responder = (request: ReceivedWebhook) => Answer | Promise<Answer>;

export interface WebhookReceiver {
  readonly baseUrl: string;
  readonly received: ReceivedWebhook[];
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let responder: Responder = () => ({ status: 204 });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const webhook: ReceivedWebhook = {
        method: request.method ?? "",
        url: `${baseUrl}${request.url ?? "/"}`,
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      received.push(webhook);
      const answer = await responder(webhook);
      if (answer.delayMs !== undefined) await new Promise((r) => setTimeout(r, answer.delayMs));
      response.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    received,
    respondWith(next) {
      responder = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

export interface KeySet {
  readonly keys: readonly { readonly kid: string }[];
}

/** Verifies a received webhook as a participant would: key by `kid`, each nonce once. */
export function webhookVerifier(keySet: KeySet, clock: () => number = Date.now) {
  const seenNonces = new Set<string>();
  return (webhook: ReceivedWebhook): Promise<SignatureVerification> =>
    verifyRequest(
      { method: webhook.method, url: webhook.url, headers: webhook.headers, body: webhook.body },
      {
        findKey: async (keyId) => {
          const jwk = keySet.keys.find((key) => key.kid === keyId);
          const imported = jwk === undefined ? undefined : importPublicKeyJwk(jwk);
          return imported?.ok ? { status: "active", publicKey: imported.publicKey } : undefined;
        },
        rememberNonce: async (keyId, nonce) => {
          const entry = `${keyId} ${nonce}`;
          if (seenNonces.has(entry)) return false;
          seenNonces.add(entry);
          return true;
        },
        clock,
      },
    );
}
