import { type SignatureKey, signRequest, verifyResponse } from "@clearhub/http-signatures";
import type { Static, TSchema } from "@sinclair/typebox";
import { type TypeCheck, TypeCompiler } from "@sinclair/typebox/compiler";
import { Agent, request as undiciRequest } from "undici";
import type {
  CallUnknown,
  CallUnknownCause,
  ParticipantCallOptions,
  ParticipantCallResult,
  ParticipantEndpointAddress,
} from "../../app/ports/participant-call.ts";
import type { HubSigningKey } from "../signing/hub-signing-key.ts";
import { classifyTransportFailure } from "./transport-failure.ts";

export interface SignedHttpCallerOptions {
  /**
   * The key an answer names by its keyid, or undefined unless that key is the called
   * participant's own (a key of another participant must never vouch for its answer).
   */
  readonly findKey: (ownerId: string, keyId: string) => Promise<SignatureKey | undefined>;
  /** Opening a connection; a refusal within it is `not_sent`, so it is kept short. */
  readonly connectTimeoutMs?: number | undefined;
  /** Open connections per endpoint origin. */
  readonly connectionsPerOriginMax?: number | undefined;
  /** An answer longer than this is not read: the interfaces' answers are a few hundred bytes. */
  readonly answerBytesMax?: number | undefined;
  readonly clock?: (() => number) | undefined;
}

/**
 * What one interface (the bank interface, the biller interface) adds to the caller: what the
 * hub's signature covers, how it names itself, and which answers other than 200 are its signed
 * refusals, decoded into its own terms.
 */
export interface InterfaceProfile<Refused extends { readonly kind: "refused" }> {
  readonly requestSignedComponents: readonly string[];
  readonly userAgent: string;
  /** Statuses that carry a refusal (signed, in the interface's schema); other non-200 decide nothing. */
  isRefusalStatus(statusCode: number): boolean;
  /** The refusal, or undefined when the body is not one the interface defines for the status. */
  decodeRefusal(body: unknown, statusCode: number): Refused | undefined;
}

/** One call: a POST of `body` as JSON to the endpoint's URL and `path`. */
export interface SignedCall<Answer extends TSchema, Result> {
  readonly endpoint: ParticipantEndpointAddress;
  readonly path: string;
  readonly body: unknown;
  readonly answer: Answer;
  /** The answer in the app's terms, or undefined when it is not about the request sent. */
  readonly decode: (answer: Static<Answer>) => Result | undefined;
}

export const signedHttpCallerDefaults = {
  connectTimeoutMs: 2_000,
  connectionsPerOriginMax: 64,
  answerBytesMax: 64 * 1024,
} as const;

interface ReceivedAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

interface SentRequest {
  readonly method: "POST";
  readonly url: string;
  readonly headers: Record<string, string>;
}

function unknown(cause: CallUnknownCause, detail: string): CallUnknown {
  return { kind: "unknown", cause, detail };
}

const checkers = new Map<TSchema, TypeCheck<TSchema>>();

/** Compiled once per schema: checking an answer is then a plain function call. */
function checkerFor<Schema extends TSchema>(schema: Schema): TypeCheck<Schema> {
  let checker = checkers.get(schema);
  if (checker === undefined) {
    checker = TypeCompiler.Compile(schema);
    checkers.set(schema, checker);
  }
  return checker as TypeCheck<Schema>;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** A function, not an inline test: the signal changes while the call awaits. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function endpointUrl(endpoint: ParticipantEndpointAddress, path: string): string {
  return `${endpoint.url.replace(/\/+$/, "")}${path}`;
}

/**
 * The one way the hub calls a participant's system over HTTP, with undici and a pool per
 * origin. Each call is a POST signed by the hub (RFC 9421, with a fresh nonce and the current
 * time); each answer counts only once its signature, by the called participant's own key and
 * bound to this very request, verifies and its body matches the interface's schema and is about
 * the request sent. Anything short of that is `unknown`, or `not_sent` when no connection was
 * ever made. Redirects are not followed: a signed request goes only to the registered endpoint.
 * A connector of each interface (bank, biller) is a thin layer over it: paths, encoding, decoding.
 */
export class SignedHttpCaller {
  private readonly agent: Agent;
  private readonly answerBytesMax: number;
  private readonly clock: () => number;

  constructor(
    private readonly key: HubSigningKey,
    private readonly options: SignedHttpCallerOptions,
  ) {
    this.answerBytesMax = options.answerBytesMax ?? signedHttpCallerDefaults.answerBytesMax;
    this.clock = options.clock ?? Date.now;
    this.agent = new Agent({
      connections:
        options.connectionsPerOriginMax ?? signedHttpCallerDefaults.connectionsPerOriginMax,
      connect: {
        timeout: options.connectTimeoutMs ?? signedHttpCallerDefaults.connectTimeoutMs,
      },
    });
  }

  /** Closes idle connections; calls under way finish first. */
  close(): Promise<void> {
    return this.agent.close();
  }

  /** Rejects only on a caller's bug: a timeout that is not a positive number of milliseconds. */
  async post<Answer extends TSchema, Result, Refused extends { readonly kind: "refused" }>(
    profile: InterfaceProfile<Refused>,
    call: SignedCall<Answer, Result>,
    options: ParticipantCallOptions,
  ): Promise<ParticipantCallResult<Result, Refused>> {
    if (!(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
      throw new Error(`a call needs a positive timeoutMs, not ${options.timeoutMs}`);
    }
    if (isAborted(options.signal)) {
      return {
        kind: "not_sent",
        cause: "aborted_before_sending",
        detail: "aborted before sending",
      };
    }
    const payload = JSON.stringify(call.body);
    const sent = this.signed(profile, endpointUrl(call.endpoint, call.path), payload);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal =
      options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
    let received: ReceivedAnswer | "too_large";
    try {
      received = await this.exchange(sent, payload, signal);
    } catch (error) {
      return classifyTransportFailure(error, {
        timedOut: timeout.aborted,
        aborted: isAborted(options.signal),
        timeoutMs: options.timeoutMs,
      });
    }
    if (received === "too_large") {
      return unknown("answer_too_large", `the answer passed ${this.answerBytesMax} bytes`);
    }
    return this.interpret(profile, call, sent, received);
  }

  private signed<Refused extends { readonly kind: "refused" }>(
    profile: InterfaceProfile<Refused>,
    url: string,
    payload: string,
  ): SentRequest {
    const headers = { "content-type": "application/json", "user-agent": profile.userAgent };
    const signature = signRequest(
      { method: "POST", url, headers, body: payload },
      {
        keyId: this.key.keyId,
        privateKey: this.key.privateKey,
        createdSeconds: Math.floor(this.clock() / 1000),
        components: profile.requestSignedComponents,
      },
    );
    return { method: "POST", url, headers: { ...headers, ...signature } };
  }

  private async exchange(
    sent: SentRequest,
    payload: string,
    signal: AbortSignal,
  ): Promise<ReceivedAnswer | "too_large"> {
    const response = await undiciRequest(sent.url, {
      method: sent.method,
      headers: sent.headers,
      body: payload,
      dispatcher: this.agent,
      signal,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > this.answerBytesMax) {
        response.body.destroy();
        return "too_large";
      }
      chunks.push(chunk as Buffer);
    }
    return {
      statusCode: response.statusCode,
      headers: response.headers,
      body: Buffer.concat(chunks),
    };
  }

  /**
   * A 200 is the answer; a refusal status of the interface is a refusal; both only when signed
   * by the called participant. Any other 5xx may come after the callee acted (or from a proxy in
   * front of it), so it decides nothing.
   */
  private async interpret<Answer extends TSchema, Result, Refused extends { kind: "refused" }>(
    profile: InterfaceProfile<Refused>,
    call: SignedCall<Answer, Result>,
    sent: SentRequest,
    received: ReceivedAnswer,
  ): Promise<ParticipantCallResult<Result, Refused>> {
    const { statusCode } = received;
    const isRefusal = profile.isRefusalStatus(statusCode);
    if (statusCode >= 500 && !isRefusal) return unknown("server_error", `HTTP ${statusCode}`);
    if (statusCode !== 200 && !isRefusal) {
      return unknown("answer_status_unexpected", `HTTP ${statusCode}`);
    }
    const unverified = await this.verifyAnswer(call.endpoint.ownerId, sent, received);
    if (unverified !== undefined) return unverified;
    const json = parseJson(received.body);
    if (statusCode === 200) {
      if (!checkerFor(call.answer).Check(json)) {
        return unknown("answer_malformed", "the answer does not match the interface's schema");
      }
      const answer = call.decode(json);
      if (answer === undefined) {
        return unknown("answer_malformed", "the answer is not about the request sent");
      }
      return { kind: "answered", answer };
    }
    const refused = profile.decodeRefusal(json, statusCode);
    if (refused === undefined) {
      return unknown(
        "answer_malformed",
        `HTTP ${statusCode} without a refusal the interface defines`,
      );
    }
    return refused;
  }

  /** Undefined once the answer's signature verified as the owner's, bound to `sent`. */
  private async verifyAnswer(
    ownerId: string,
    sent: SentRequest,
    received: ReceivedAnswer,
  ): Promise<CallUnknown | undefined> {
    if (received.headers.signature === undefined) {
      return unknown("answer_unsigned", `HTTP ${received.statusCode} without a signature`);
    }
    try {
      const verified = await verifyResponse(
        { status: received.statusCode, headers: received.headers, body: received.body },
        sent,
        { findKey: (keyId) => this.options.findKey(ownerId, keyId), clock: this.clock },
      );
      if (verified.ok) return undefined;
      return unknown("answer_signature_invalid", `the answer's signature: ${verified.code}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return unknown(
        "answer_signature_invalid",
        `the participant's key could not be read: ${message}`,
      );
    }
  }
}

/** Checks a body against a schema with the caller's compiled checkers: for refusal decoders. */
export function matchesSchema<Schema extends TSchema>(
  schema: Schema,
  body: unknown,
): body is Static<Schema> {
  return checkerFor(schema).Check(body);
}
