import { createPrivateKey, type KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import { generateSigningKeyPair } from "@clearhub/http-signatures";
import Fastify, { type FastifyInstance } from "fastify";
import type { SimulatorSigningKey } from "./answer-signer.ts";

/** A key as a simulator's options give it: a key object or a PKCS#8 PEM. */
export interface SigningKeyOption {
  readonly keyId: string;
  readonly privateKey: KeyObject | string;
}

/** The key the options name, or a new one under `keyIdDefault` whose public half is printed. */
export function signingKeyFrom(
  option: SigningKeyOption | undefined,
  keyIdDefault: string,
): SimulatorSigningKey {
  if (option === undefined) {
    return { keyId: keyIdDefault, privateKey: generateSigningKeyPair().privateKey };
  }
  const { keyId, privateKey } = option;
  return {
    keyId,
    privateKey: typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey,
  };
}

/** Bodies of the interfaces are a few hundred bytes; admin bodies a customer or two. */
export const simulatorBodyBytesMax = 64 * 1024;

/**
 * The HTTP server of a simulator: connections are closed on close, so a test ends at once even
 * with answers held back by the fault plan.
 */
export function simulatorServer(logger: boolean | undefined): FastifyInstance {
  return Fastify({
    logger: logger ?? false,
    bodyLimit: simulatorBodyBytesMax,
    forceCloseConnections: true,
  });
}

/** Listens and resolves the origin the simulator is reached at, e.g. http://127.0.0.1:9090. */
export async function listenAt(
  app: FastifyInstance,
  host: string | undefined,
  port: number | undefined,
): Promise<string> {
  await app.listen({ host: host ?? "127.0.0.1", port: port ?? 0 });
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${shownHost}:${address.port}`;
}
