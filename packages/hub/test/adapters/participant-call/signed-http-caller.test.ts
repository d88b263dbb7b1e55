/**
 * The signed HTTP caller against a real local HTTP server standing in for a participant's
 * system (a biller's, to show nothing in it is bank-specific): an answer counts only when signed
 * by the called participant's own key, in the schema and about the request; unsigned, foreign,
 * badly signed, malformed, oversize and slow answers are `unknown`; a refused connection is
 * `not_sent`; the interface's refusals are decoded by its profile.
 */
import { createPublicKey, type JsonWebKey } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  generateSigningKeyPair,
  type SignatureKey,
  type SigningKeyPair,
  signResponse,
  verifyRequest,
} from "@clearhub/http-signatures";
import { Type } from "@sinclair/typebox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type InterfaceProfile,
  matchesSchema,
  SignedHttpCaller,
} from "../../../src/adapters/participant-call/signed-http-caller.ts";
import {
  generateHubSigningKeyPem,
  hubSigningKeyFromPem,
} from "../../../src/adapters/signing/hub-signing-key.ts";

const biller = "water-co";
const hubKey = hubSigningKeyFromPem(generateHubSigningKeyPem());
const billerKeys: SigningKeyPair = generateSigningKeyPair();
const strangerKeys: SigningKeyPair = generateSigningKeyPair();
const answerBytesMax = 1_024;

/** The keys the caller may trust: each participant's own, by keyid. */
const keysOf: Record<string, Record<string, SignatureKey>> = {
  [biller]: { "water-co.k1": { status: "active", publicKey: billerKeys.publicKey } },
  "gas-co": { "gas-co.k1": { status: "active", publicKey: strangerKeys.publicKey } },
};

type Refused = { readonly kind: "refused"; readonly code: string; readonly statusCode: number };

const Refusal = Type.Object({
  code: Type.Union([Type.Literal("bill_already_paid"), Type.Literal("biller_busy")]),
  reason: Type.String(),
});

/** A biller-like interface: 4xx and 503 are its refusals, `biller_busy` only with 503. */
const profile: InterfaceProfile<Refused> = {
  requestSignedComponents: ["@method", "@target-uri", "content-digest", "content-type"],
  userAgent: "clearhub-test-caller/1",
  isRefusalStatus: (status) => (status >= 400 && status <= 499) || status === 503,
  decodeRefusal(body, statusCode) {
    if (!matchesSchema(Refusal, body)) return undefined;
    if ((body.code === "biller_busy") !== (statusCode === 503)) return undefined;
    return { kind: "refused", code: body.code, statusCode };
  },
};

const Posted = Type.Object({ postingId: Type.String(), receipt: Type.String() });

interface Behaviour {
  readonly status?: number;
  readonly body?: unknown;
  /** Which key signs: the biller's, a stranger's under the biller's keyid, or none. */
  readonly signer?: "biller" | "stranger_as_biller" | "stranger_own" | "none";
  readonly stall?: boolean;
}

let server: Server;
let baseUrl: string;
const behaviours = new Map<string, Behaviour>();
const received: { path: string; verified: boolean }[] = [];
const stalled: ServerResponse[] = [];

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  const url = `${baseUrl}${request.url}`;
  const description = { method: request.method ?? "POST", url, headers: request.headers };
  const verified = await verifyRequest(
    { ...description, body },
    {
      findKey: async (keyId) =>
        keyId === hubKey.keyId ? { status: "active", publicKey: hubPublicKey } : undefined,
      rememberNonce: async (keyId, nonce) => {
        const fresh = !nonces.has(`${keyId} ${nonce}`);
        nonces.add(`${keyId} ${nonce}`);
        return fresh;
      },
    },
  );
  received.push({ path: request.url ?? "", verified: verified.ok });
  const behaviour = behaviours.get(request.url ?? "") ?? {};
  if (behaviour.stall === true) {
    stalled.push(response);
    return;
  }
  const status = behaviour.status ?? 200;
  const payload = JSON.stringify(behaviour.body ?? { postingId: "p-1", receipt: "R-1" });
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signer = behaviour.signer ?? "biller";
  if (signer !== "none") {
    const [privateKey, keyId] =
      signer === "biller"
        ? [billerKeys.privateKey, "water-co.k1"]
        : signer === "stranger_own"
          ? [strangerKeys.privateKey, "gas-co.k1"]
          : [strangerKeys.privateKey, "water-co.k1"];
    Object.assign(
      headers,
      signResponse({ status, headers, body: payload }, description, { keyId, privateKey }),
    );
  }
  response.writeHead(status, headers).end(payload);
}

/** The hub's public half, as its key set publishes it. */
const hubPublicKey = createPublicKey({ key: { ...hubKey.publicJwk } as JsonWebKey, format: "jwk" });
const nonces = new Set<string>();

beforeAll(async () => {
  server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of stalled) response.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the signed HTTP caller", () => {
  const callers: SignedHttpCaller[] = [];
  afterEach(async () => {
    for (const caller of callers.splice(0)) await caller.close();
    behaviours.clear();
  });

  function caller(): SignedHttpCaller {
    const made = new SignedHttpCaller(hubKey, {
      findKey: async (ownerId, keyId) => keysOf[ownerId]?.[keyId],
      answerBytesMax,
    });
    callers.push(made);
    return made;
  }

  function post(path: string, behaviour: Behaviour, options = { timeoutMs: 2_000 }, url = baseUrl) {
    behaviours.set(path, behaviour);
    return caller().post(
      profile,
      {
        endpoint: { ownerId: biller, endpointId: "main", url },
        path,
        body: { postingId: "p-1" },
        answer: Posted,
        decode: (answer) => (answer.postingId === "p-1" ? answer : undefined),
      },
      options,
    );
  }

  it("sends a request the callee verifies as the hub's, and trusts the callee's signed answer", async () => {
    expect(await post("/ok", {})).toEqual({
      kind: "answered",
      answer: { postingId: "p-1", receipt: "R-1" },
    });
    expect(received.at(-1)).toEqual({ path: "/ok", verified: true });
  });

  it("is unknown when the answer is unsigned", async () => {
    expect(await post("/unsigned", { signer: "none" })).toMatchObject({
      kind: "unknown",
      cause: "answer_unsigned",
    });
  });

  it("is unknown when the answer is signed by another key under the callee's keyid", async () => {
    expect(await post("/forged", { signer: "stranger_as_biller" })).toMatchObject({
      kind: "unknown",
      cause: "answer_signature_invalid",
    });
  });

  it("trusts no other participant's key, however valid its signature", async () => {
    expect(await post("/other", { signer: "stranger_own" })).toMatchObject({
      kind: "unknown",
      cause: "answer_signature_invalid",
    });
  });

  it("is unknown when a signed answer is outside the schema, or about another request", async () => {
    expect(await post("/malformed", { body: { receipt: 7 } })).toMatchObject({
      kind: "unknown",
      cause: "answer_malformed",
    });
    expect(await post("/elsewhere", { body: { postingId: "p-2", receipt: "R" } })).toMatchObject({
      kind: "unknown",
      cause: "answer_malformed",
      detail: "the answer is not about the request sent",
    });
  });

  it("stops reading an answer past its size bound, and is unknown", async () => {
    const body = { postingId: "p-1", receipt: "R".repeat(answerBytesMax * 4) };
    expect(await post("/big", { body })).toMatchObject({
      kind: "unknown",
      cause: "answer_too_large",
    });
  });

  it("is unknown when no answer comes within the timeout", async () => {
    expect(await post("/slow", { stall: true }, { timeoutMs: 150 })).toMatchObject({
      kind: "unknown",
      cause: "timeout",
    });
  });

  it("decodes the interface's signed refusals, and trusts no other error status", async () => {
    const paid = { code: "bill_already_paid", reason: "paid at the counter" };
    expect(await post("/paid", { status: 409, body: paid })).toEqual({
      kind: "refused",
      code: "bill_already_paid",
      statusCode: 409,
    });
    expect(
      await post("/busy-as-409", { status: 409, body: { ...paid, code: "biller_busy" } }),
    ).toMatchObject({ kind: "unknown", cause: "answer_malformed" });
    expect(
      await post("/unsigned-refusal", { status: 409, body: paid, signer: "none" }),
    ).toMatchObject({ kind: "unknown", cause: "answer_unsigned" });
    expect(await post("/crash", { status: 502, body: paid })).toMatchObject({
      kind: "unknown",
      cause: "server_error",
    });
    expect(await post("/moved", { status: 302, body: paid })).toMatchObject({
      kind: "unknown",
      cause: "answer_status_unexpected",
    });
  });

  it("is not sent when the connection is refused, or the caller aborted first", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await post("/any", {}, { timeoutMs: 2_000 }, `http://127.0.0.1:${port}`)).toMatchObject({
      kind: "not_sent",
      cause: "connection_refused",
    });
    const aborted = AbortSignal.abort();
    expect(
      await caller().post(
        profile,
        {
          endpoint: { ownerId: biller, endpointId: "main", url: baseUrl },
          path: "/ok",
          body: {},
          answer: Posted,
          decode: (answer) => answer,
        },
        { timeoutMs: 2_000, signal: aborted },
      ),
    ).toMatchObject({ kind: "not_sent", cause: "aborted_before_sending" });
  });

  it("refuses a call without a positive timeout: a caller's bug", async () => {
    await expect(post("/ok", {}, { timeoutMs: 0 })).rejects.toThrow(/positive timeoutMs/);
  });
});
