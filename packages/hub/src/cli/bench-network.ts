/**
 * Onboarding a benchmark's participants through the operator API, as an operator would: the
 * participants with their currencies, their signing keys, and the keys handed to the processes
 * that sign as them (a load driver, a simulator).
 */
import type { KeyObject } from "node:crypto";
import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";

export type OperatorApi = <T>(
  method: "GET" | "POST" | "PUT",
  path: string,
  body?: unknown,
) => Promise<T>;

/** Calls under `/operator/v1` with the token; a status other than 2xx throws with the answer. */
export function operatorApi(origin: string, token: string): OperatorApi {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}/operator/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
}

/**
 * Calls under `/operator/v1` as `operatorApi` does; what needs four eyes (answered 202 with a
 * pending approval) is approved by the second operator, and the approval's answer is answered.
 */
export function fourEyesOperatorApi(
  origin: string,
  token: string,
  approverToken: string,
): OperatorApi {
  const proposer = operatorApi(origin, token);
  const approver = operatorApi(origin, approverToken);
  return async <T>(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<T> => {
    const answer = await proposer<{ approval?: { id: string; state: string } }>(method, path, body);
    if (answer.approval?.state !== "pending") return answer as T;
    return approver<T>("POST", `/approvals/${answer.approval.id}/approve`);
  };
}

export interface BenchParticipant {
  readonly id: string;
  readonly kind: "bank" | "payment_institution" | "biller";
}

/** Registers each participant holding the one currency, with the net debit cap given. */
export async function registerParticipants(
  operator: OperatorApi,
  participants: readonly BenchParticipant[],
  currency: string,
  netDebitCap: string,
): Promise<void> {
  for (const { id, kind } of participants) {
    await operator("POST", "/participants", {
      id,
      name: `Bench ${id}`,
      kind,
      currencies: [{ currency, netDebitCap }],
    });
  }
}

export interface ParticipantKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** A fresh Ed25519 key pair, its public half registered as the participant's key. */
export async function addParticipantKey(
  operator: OperatorApi,
  participantId: string,
): Promise<ParticipantKey> {
  const { publicKey, privateKey } = generateSigningKeyPair();
  const { keyId } = await operator<{ keyId: string }>(
    "POST",
    `/participants/${participantId}/keys`,
    { publicKey: exportPublicKeyRaw(publicKey) },
  );
  return { keyId, privateKey };
}

/** Caps that never bind: the benchmarks measure their path, not refusals. */
export const benchNetDebitCap = "1000000000000.00";

/**
 * Registers the participants holding the currency under caps that never bind, each with a key
 * of its own; answers the keys in the participants' order.
 */
export async function onboardWithKeys<const P extends readonly BenchParticipant[]>(
  operator: OperatorApi,
  participants: P,
  currency: string,
): Promise<{ readonly [K in keyof P]: ParticipantKey }> {
  await registerParticipants(operator, participants, currency, benchNetDebitCap);
  const keys: ParticipantKey[] = [];
  for (const { id } of participants) keys.push(await addParticipantKey(operator, id));
  return keys as unknown as { readonly [K in keyof P]: ParticipantKey };
}

/** An endpoint's limits at the hub; the hub's defaults without. */
export interface EndpointLimits {
  readonly timeoutMs: number;
  readonly concurrencyMax: number;
}

/** Registers `url` as the bank's, biller's or issuer's endpoint `main`. */
export async function addMainEndpoint(
  operator: OperatorApi,
  role: "banks" | "billers" | "issuers",
  participantId: string,
  url: string,
  limits?: EndpointLimits,
): Promise<void> {
  await operator("POST", `/${role}/${participantId}/endpoints`, { id: "main", url, ...limits });
}

/** The private key as a child process is handed it: PKCS#8 DER, base64. */
export function pkcs8Base64(key: KeyObject): string {
  return key.export({ format: "der", type: "pkcs8" }).toString("base64");
}

/** The private key as the simulators read it: PKCS#8 PEM. */
export function pkcs8Pem(key: KeyObject): string {
  return key.export({ format: "pem", type: "pkcs8" }).toString();
}

/** Runs `work` on each item with at most `limit` under way at once. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
