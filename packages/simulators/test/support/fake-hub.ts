/**
 * A stand-in for the hub as a bank sees it: it publishes a signing key set, as the hub does at
 * /.well-known/clearhub-hub-keys, and receives the bank's notices, verifying their signatures
 * with the bank's registered key as the hub's participant API does.
 */

import type { KeyObject } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import {
  exportPublicKeyJwk,
  generateSigningKeyPair,
  importPublicKeyRaw,
  type SignatureVerification,
  verifyRequest,
} from "@clearhub/http-signatures";

export interface ReceivedNotice {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly verification: SignatureVerification;
}

export interface FakeHub {
  readonly url: string;
  /** The hub's current signing key; rotateKey replaces it. */
  readonly key: { keyId: string; privateKey: KeyObject };
  readonly notices: ReceivedNotice[];
  /** Registers the bank's key, as the hub operator would. */
  trustBank(keyId: string, publicKeyRaw: string): void;
  /** The status notices are answered with (204 by default). */
  answerNoticesWith(status: number): void;
  /** How often the key set was fetched. */
  keySetFetches(): number;
  /** Replaces the hub's key by a new one under a new keyid, as an operator would. */
  rotateKey(): void;
  close(): Promise<void>;
}

export async function startFakeHub(): Promise<FakeHub> {
  const key = { keyId: "hub-key-1", privateKey: generateSigningKeyPair().privateKey };
  const bankKeys = new Map<string, KeyObject>();
  const seenNonces = new Set<string>();
  const notices: ReceivedNotice[] = [];
  let noticeStatus = 204;
  let fetches = 0;
  const publishedKeySet = () =>
    JSON.stringify({
      keys: [{ ...exportPublicKeyJwk(key.privateKey), kid: key.keyId, use: "sig", alg: "EdDSA" }],
    });
  let keySet = publishedKeySet();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      if (request.method === "GET" && request.url === "/.well-known/clearhub-hub-keys") {
        fetches += 1;
        response.writeHead(200, {
          "content-type": "application/json",
          "cache-control": "public, max-age=300",
        });
        return response.end(keySet);
      }
      const body = Buffer.concat(chunks);
      const verification = await verifyRequest(
        {
          method: request.method ?? "",
          url: `${url}${request.url}`,
          headers: request.headers,
          body,
        },
        {
          findKey: async (keyId) => {
            const publicKey = bankKeys.get(keyId);
            return publicKey === undefined ? undefined : { status: "active", publicKey };
          },
          rememberNonce: async (keyId, nonce) => {
            const entry = `${keyId} ${nonce}`;
            if (seenNonces.has(entry)) return false;
            seenNonces.add(entry);
            return true;
          },
        },
      );
      notices.push({
        path: request.url ?? "",
        headers: request.headers,
        body: JSON.parse(body.toString() || "null"),
        verification,
      });
      response.writeHead(verification.ok ? noticeStatus : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    key,
    notices,
    trustBank(keyId, publicKeyRaw) {
      const imported = importPublicKeyRaw(publicKeyRaw);
      if (!imported.ok) throw new Error(imported.code);
      bankKeys.set(keyId, imported.publicKey);
    },
    answerNoticesWith(status) {
      noticeStatus = status;
    },
    keySetFetches: () => fetches,
    rotateKey() {
      key.keyId = `hub-key-${fetches + 2}`;
      key.privateKey = generateSigningKeyPair().privateKey;
      keySet = publishedKeySet();
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
