/**
 * The network the participant API fuzz runs against, and the checks every answer must pass.
 * One listening hub per suite: a payer and a payee (both with webhook endpoints, so the outbox
 * is among what a request could write), a biller (which may not pay), a revoked key and a
 * terminated participant's key, and reservations the payer can commit or void.
 */
import type { KeyObject } from "node:crypto";
import { generateNonce, type SignOptions, signatureFailureCodes } from "@clearhub/http-signatures";
import type { Parameters } from "fast-check";
import { afterAll, beforeAll, expect } from "vitest";
import { problemCatalogue } from "../../src/api/problem.ts";
import type { Backend } from "../support/backends.ts";
import type { ProblemBody } from "./api-harness.ts";
import {
  type HeaderList,
  type HttpAnswer,
  type HttpRequest,
  type ListeningHub,
  openListeningHub,
  signatureHeaders,
} from "./listening-hub.ts";
import { onboardParticipant } from "./participant-client.ts";
import {
  type StoreChanges,
  type StoreSnapshot,
  snapshotStore,
  storeChanges,
} from "./store-snapshot.ts";

export interface Signer {
  readonly participantId: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

export interface FuzzNetwork {
  readonly hub: ListeningHub;
  readonly payer: Signer;
  readonly payee: Signer;
  /** May read and ping, but not pay: its transfers are refused after the signature verified. */
  readonly biller: Signer;
  readonly revoked: Signer;
  /** A key still active, of a participant that was terminated. */
  readonly terminated: Signer;
  /** Reservations the payer made, for commit and void to find. */
  readonly reservations: readonly string[];
  /** A fresh transfer id on every call, so that a rerun (fast-check shrinks) never collides. */
  freshTransferId(): string;
}

/** Caps far above what any run can spend, so that a valid transfer is never refused for funds. */
const netDebitCap = "1000000000.00";
/** Never reached by a test's traffic: the dispatcher is off, the outbox only fills. */
const webhookUrl = "http://127.0.0.1:9/hooks";
const reservationsCount = 3;
const reserveForMs = 24 * 60 * 60 * 1000;

/** PARTICIPANT_FUZZ_RUNS_SCALE multiplies every property's runs, for a deeper search than CI's. */
const runsScale = Number(process.env.PARTICIPANT_FUZZ_RUNS_SCALE ?? 1);

/** A property's time limit, grown with the runs so that a deeper search is not cut short. */
export const fuzzTimeoutMs = 60_000 * Math.max(1, runsScale);

/**
 * fast-check's parameters for a property. A failure reports its seed and path; set
 * PARTICIPANT_FUZZ_SEED and PARTICIPANT_FUZZ_PATH to replay exactly that run.
 */
export function fuzzParameters(numRuns: number): Parameters<unknown> {
  const seed = process.env.PARTICIPANT_FUZZ_SEED;
  const path = process.env.PARTICIPANT_FUZZ_PATH;
  return {
    numRuns: Math.max(1, Math.round(numRuns * runsScale)),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
  };
}

/** Opens the network before the suite's tests and closes it after; the getter reads the current one. */
export function useFuzzNetwork(backend: Backend): () => FuzzNetwork {
  let network: FuzzNetwork | undefined;
  beforeAll(async () => {
    network = await openFuzzNetwork(backend);
  });
  afterAll(async () => {
    await network?.hub.dispose();
    network = undefined;
  });
  return () => {
    if (network === undefined) throw new Error("the fuzz network is open only during the suite");
    return network;
  };
}

async function openFuzzNetwork(backend: Backend): Promise<FuzzNetwork> {
  const hub = await openListeningHub(backend);
  try {
    const payer = await signer(hub, "bank-alpha", "bank");
    const payee = await signer(hub, "bank-beta", "payment_institution");
    const biller = await signer(hub, "biller-gamma", "biller");
    const revoked = await signer(hub, "bank-epsilon", "bank");
    const terminated = await signer(hub, "bank-delta", "bank");
    await operator(
      hub,
      "POST",
      `/operator/v1/participants/bank-epsilon/keys/${revoked.keyId}/revoke`,
    );
    const ended = await hub.callApproved("POST", "/operator/v1/participants/bank-delta/status", {
      status: "terminated",
    });
    expect(ended.statusCode, ended.body).toBe(200);
    await subscribe(hub, payee.participantId, ["transfer.credited", "transfer.reserved"]);
    await subscribe(hub, payer.participantId, ["transfer.committed", "transfer.voided"]);
    let transfersIssued = 0;
    const freshTransferId = () => `fz-${(transfersIssued++).toString(36)}`;
    const network = { hub, payer, payee, biller, revoked, terminated, freshTransferId };
    const reservations: string[] = [];
    for (let index = 0; index < reservationsCount; index++) {
      const id = freshTransferId();
      const body = JSON.stringify({
        id,
        payee: payee.participantId,
        amount: "1.00",
        currency: "EUR",
        reserveForMs,
      });
      const answer = await hub.send(
        signedRequest(hub.origin, payer, "POST", "/v1/transfers", body),
      );
      expect(answer.status, answer.body).toBe(201);
      reservations.push(id);
    }
    return { ...network, reservations };
  } catch (error) {
    await hub.dispose();
    throw error;
  }
}

async function signer(
  hub: ListeningHub,
  id: string,
  kind: "bank" | "payment_institution" | "biller",
): Promise<Signer> {
  const client = await onboardParticipant(hub, id, kind, netDebitCap);
  return { participantId: id, keyId: client.keyId, privateKey: client.privateKey };
}

async function operator(hub: ListeningHub, method: "POST", url: string, body?: unknown) {
  const answer = await hub.call(method, url, body);
  expect(answer.statusCode, answer.body).toBeLessThan(300);
}

async function subscribe(hub: ListeningHub, participantId: string, eventTypes: string[]) {
  const registered = await hub.hub.webhookEndpoints.register(participantId, {
    id: "fuzz",
    url: webhookUrl,
    eventTypes,
  });
  expect(registered.ok).toBe(true);
}

/**
 * A request signed as a participant's client signs it. The content type is JSON when there is a
 * body, unless given (null: none at all).
 */
export function signedRequest(
  origin: string,
  by: Signer,
  method: string,
  path: string,
  body?: Uint8Array | string,
  options: { sign?: Partial<SignOptions>; contentType?: string | null } = {},
): HttpRequest & { readonly nonce: string } {
  const nonce = options.sign?.nonce ?? generateNonce();
  const sign = { keyId: by.keyId, privateKey: by.privateKey, ...options.sign, nonce };
  const jsonIfBody = body === undefined ? null : "application/json";
  const contentType = options.contentType === undefined ? jsonIfBody : options.contentType;
  const headers: HeaderList = [
    ...(contentType === null ? [] : [["content-type", contentType] as const]),
    ...signatureHeaders(origin, { method, path, body }, sign),
  ];
  return { method, path, headers, body, nonce };
}

/** The codes of the signature check itself: a request refused with one never got its nonce recorded. */
export const verifierCodes: ReadonlySet<string> = new Set(Object.keys(signatureFailureCodes));

/**
 * What every answer must be, whatever was sent: never a server error, and every refusal an
 * RFC 9457 problem whose code is in the catalogue with the status the catalogue gives it.
 */
export function expectWellFormedAnswer(
  answer: HttpAnswer,
  serverErrors: readonly string[] = [],
): ProblemBody | undefined {
  const context = [`${answer.status} ${answer.body}`, ...serverErrors].join("\n");
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status < 400) return undefined;
  expect(answer.headers["content-type"], context).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(answer.body) as ProblemBody;
  const kind = problemCatalogue[problem.code as keyof typeof problemCatalogue];
  expect(kind, `${problem.code} is not in the catalogue`).toBeDefined();
  expect({ status: answer.status, code: problem.code, type: problem.type }).toEqual({
    status: kind.status,
    code: problem.code,
    type: `urn:clearhub:problem:${problem.code}`,
  });
  return problem;
}

/**
 * A refused request writes nothing. The one row it may add is its own nonce, and only when it
 * was refused after its signature verified: recording the nonce then is what stops a replay.
 */
export function expectRefusalWroteNothing(
  changes: StoreChanges,
  problem: ProblemBody,
  request: { readonly nonce: string },
): void {
  const { seen_nonces: nonces, ...others } = changes;
  expect(others, `a request refused with ${problem.code} wrote`).toEqual({});
  if (nonces === undefined) return;
  expect(verifierCodes.has(problem.code), `${problem.code} recorded a nonce`).toBe(false);
  expectOnlyNonce(nonces, request.nonce);
}

function expectOnlyNonce(nonces: NonNullable<StoreChanges["seen_nonces"]>, nonce: string): void {
  expect(nonces.removed).toEqual([]);
  expect(nonces.added.map((row) => row.nonce)).toEqual([nonce]);
}

/** A read (or a ping) that succeeded wrote its nonce and nothing else. */
export function expectReadWroteOnlyNonce(changes: StoreChanges, nonce: string): void {
  const { seen_nonces: nonces, ...others } = changes;
  expect(others).toEqual({});
  expect(nonces).toBeDefined();
  if (nonces !== undefined) expectOnlyNonce(nonces, nonce);
}

/** The ids of the ledger transfers a request added; it never removes or rewrites one. */
export function transfersAdded(changes: StoreChanges): string[] {
  expect(changes.transfers?.removed ?? []).toEqual([]);
  return (changes.transfers?.added ?? []).map((row) => String(row.id)).sort();
}

export interface ComparedExchange {
  readonly answer: HttpAnswer;
  readonly changes: StoreChanges;
  /** What the server logged as errors while it handled the request. */
  readonly serverErrors: readonly string[];
}

/** Sends the request between two snapshots of the store and answers what it wrote. */
export async function sendAndCompare(
  network: FuzzNetwork,
  request: HttpRequest,
): Promise<ComparedExchange> {
  const { hub } = network;
  const before: StoreSnapshot = await snapshotStore(hub.test.database.database);
  const logged = hub.errorLog.length;
  const answer = await hub.send(request);
  const serverErrors = hub.errorLog.slice(logged);
  const after = await snapshotStore(hub.test.database.database);
  return { answer, changes: storeChanges(before, after), serverErrors };
}

/** The keys of Object.prototype now: a body must never add one (prototype pollution). */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
