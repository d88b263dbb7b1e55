import { type SignatureKey, signRequest, verifyResponse } from "@clearhub/http-signatures";
import {
  type BankOperation,
  BankRefusal,
  bankOperations,
  hubRequestSignedComponents,
  registerStringFormats,
} from "@clearhub/wire";
import type { Static, TSchema } from "@sinclair/typebox";
import { type TypeCheck, TypeCompiler } from "@sinclair/typebox/compiler";
import { Agent, request as undiciRequest } from "undici";
import type {
  BankCallOptions,
  BankCallResult,
  BankConnector,
  BankEndpointAddress,
  BankUnknownCause,
  CreditRequest,
  DebitRequest,
  InquiryRequest,
  RefundRequest,
  SigningConfirmation,
  SigningConfirmed,
  SigningRequest,
  SigningRequested,
  TransactionOutcome,
  Unsigned,
  UnsignRequest,
} from "../../app/ports/bank-connector.ts";
import type { HubSigningKey } from "../signing/hub-signing-key.ts";
import { classifyTransportFailure } from "./bank-transport-failure.ts";
import {
  decodeSigningConfirmed,
  decodeSigningRequested,
  decodeTransactionOutcome,
  decodeUnsigned,
  encodeCredit,
  encodeDebit,
  encodeInquiry,
  encodeRefund,
  encodeSigningConfirmation,
  encodeSigningRequest,
  encodeUnsign,
} from "./bank-wire-codec.ts";

export interface HttpBankConnectorOptions {
  /**
   * The key a bank's answer names by its keyid, or undefined unless that key is the bank's own
   * (a key of another participant must never vouch for a bank's answer).
   */
  readonly findBankKey: (bankId: string, keyId: string) => Promise<SignatureKey | undefined>;
  /** Opening a connection; a refusal within it is `not_sent`, so it is kept short. */
  readonly connectTimeoutMs?: number | undefined;
  /** Open connections per bank endpoint origin. */
  readonly connectionsPerOriginMax?: number | undefined;
  /** An answer longer than this is not read: the interface's answers are a few hundred bytes. */
  readonly answerBytesMax?: number | undefined;
  readonly clock?: (() => number) | undefined;
}

const connectTimeoutMsDefault = 2_000;
const connectionsPerOriginMaxDefault = 64;
const answerBytesMaxDefault = 64 * 1024;
const userAgent = "clearhub-bank-connector/1";

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

type Undecided = Extract<BankCallResult<never>, { kind: "unknown" }>;

function unknown(cause: BankUnknownCause, detail: string): Undecided {
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

function endpointUrl(endpoint: BankEndpointAddress, path: string): string {
  return `${endpoint.url.replace(/\/+$/, "")}${path}`;
}

/**
 * The bank interface over HTTP with undici. Each call is a POST signed by the hub (RFC 9421,
 * with a fresh nonce and the current time); each answer counts only once its signature, by
 * the bank's own key and bound to this very request, verifies and its body matches the
 * interface's schema and echoes the request's id. Anything short of that is `unknown`, or
 * `not_sent` when no connection was ever made. Redirects are not followed: a signed request
 * goes only to the registered endpoint.
 */
export class HttpBankConnector implements BankConnector {
  private readonly agent: Agent;
  private readonly answerBytesMax: number;
  private readonly clock: () => number;

  constructor(
    private readonly key: HubSigningKey,
    private readonly options: HttpBankConnectorOptions,
  ) {
    registerStringFormats();
    this.answerBytesMax = options.answerBytesMax ?? answerBytesMaxDefault;
    this.clock = options.clock ?? Date.now;
    this.agent = new Agent({
      connections: options.connectionsPerOriginMax ?? connectionsPerOriginMaxDefault,
      connect: { timeout: options.connectTimeoutMs ?? connectTimeoutMsDefault },
    });
  }

  /** Closes idle connections; calls under way finish first. */
  close(): Promise<void> {
    return this.agent.close();
  }

  requestSigning(
    endpoint: BankEndpointAddress,
    request: SigningRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<SigningRequested>> {
    return this.call(
      endpoint,
      bankOperations.requestSigning,
      encodeSigningRequest(request),
      options,
      (answer) => decodeSigningRequested(answer, request),
    );
  }

  confirmSigning(
    endpoint: BankEndpointAddress,
    request: SigningConfirmation,
    options: BankCallOptions,
  ): Promise<BankCallResult<SigningConfirmed>> {
    return this.call(
      endpoint,
      bankOperations.confirmSigning,
      encodeSigningConfirmation(request),
      options,
      (answer) => decodeSigningConfirmed(answer, request),
    );
  }

  unsign(
    endpoint: BankEndpointAddress,
    request: UnsignRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<Unsigned>> {
    return this.call(endpoint, bankOperations.unsign, encodeUnsign(request), options, (answer) =>
      decodeUnsigned(answer, request),
    );
  }

  debit(
    endpoint: BankEndpointAddress,
    request: DebitRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>> {
    return this.call(endpoint, bankOperations.debit, encodeDebit(request), options, (answer) =>
      decodeTransactionOutcome(answer, request),
    );
  }

  credit(
    endpoint: BankEndpointAddress,
    request: CreditRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>> {
    return this.call(endpoint, bankOperations.credit, encodeCredit(request), options, (answer) =>
      decodeTransactionOutcome(answer, request),
    );
  }

  refund(
    endpoint: BankEndpointAddress,
    request: RefundRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>> {
    return this.call(endpoint, bankOperations.refund, encodeRefund(request), options, (answer) =>
      decodeTransactionOutcome(answer, request),
    );
  }

  inquire(
    endpoint: BankEndpointAddress,
    request: InquiryRequest,
    options: BankCallOptions,
  ): Promise<BankCallResult<TransactionOutcome>> {
    return this.call(endpoint, bankOperations.inquire, encodeInquiry(request), options, (answer) =>
      decodeTransactionOutcome(answer, request),
    );
  }

  private async call<Request extends TSchema, Answer extends TSchema, Result>(
    endpoint: BankEndpointAddress,
    operation: BankOperation<Request, Answer>,
    body: Static<Request>,
    options: BankCallOptions,
    decode: (answer: Static<Answer>) => Result | undefined,
  ): Promise<BankCallResult<Result>> {
    if (!(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
      throw new Error(`a bank call needs a positive timeoutMs, not ${options.timeoutMs}`);
    }
    if (isAborted(options.signal)) {
      return {
        kind: "not_sent",
        cause: "aborted_before_sending",
        detail: "aborted before sending",
      };
    }
    const payload = JSON.stringify(body);
    const sent = this.signed(endpointUrl(endpoint, operation.path), payload);
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
    return this.interpret(endpoint, sent, received, operation.answer, decode);
  }

  private signed(url: string, payload: string): SentRequest {
    const headers = { "content-type": "application/json", "user-agent": userAgent };
    const signature = signRequest(
      { method: "POST", url, headers, body: payload },
      {
        keyId: this.key.keyId,
        privateKey: this.key.privateKey,
        createdSeconds: Math.floor(this.clock() / 1000),
        components: hubRequestSignedComponents,
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
   * A 200 is the answer; a 4xx, or a 503 saying `bank_busy`, is a refusal; both only when
   * signed by the bank. Any other 5xx may come after the bank acted (or from a proxy in front
   * of it), so it decides nothing.
   */
  private async interpret<Answer extends TSchema, Result>(
    endpoint: BankEndpointAddress,
    sent: SentRequest,
    received: ReceivedAnswer,
    answerSchema: Answer,
    decode: (answer: Static<Answer>) => Result | undefined,
  ): Promise<BankCallResult<Result>> {
    const { statusCode } = received;
    const isRefusal = (statusCode >= 400 && statusCode <= 499) || statusCode === 503;
    if (statusCode >= 500 && statusCode !== 503)
      return unknown("server_error", `HTTP ${statusCode}`);
    if (statusCode !== 200 && !isRefusal) {
      return unknown("answer_status_unexpected", `HTTP ${statusCode}`);
    }
    const unverified = await this.verifyAnswer(endpoint.bankId, sent, received);
    if (unverified !== undefined) return unverified;
    const json = parseJson(received.body);
    if (statusCode === 200) {
      if (!checkerFor(answerSchema).Check(json)) {
        return unknown("answer_malformed", "the answer does not match the interface's schema");
      }
      const answer = decode(json);
      if (answer === undefined) {
        return unknown("answer_malformed", "the answer is not about the request sent");
      }
      return { kind: "answered", answer };
    }
    if (
      !checkerFor(BankRefusal).Check(json) ||
      (json.code === "bank_busy") !== (statusCode === 503)
    ) {
      return unknown(
        "answer_malformed",
        `HTTP ${statusCode} without a refusal the interface defines`,
      );
    }
    return { kind: "refused", code: json.code, reason: json.reason, statusCode };
  }

  /** Undefined once the answer's signature verified as the bank's, bound to `sent`. */
  private async verifyAnswer(
    bankId: string,
    sent: SentRequest,
    received: ReceivedAnswer,
  ): Promise<Undecided | undefined> {
    if (received.headers.signature === undefined) {
      return unknown("answer_unsigned", `HTTP ${received.statusCode} without a signature`);
    }
    try {
      const verified = await verifyResponse(
        { status: received.statusCode, headers: received.headers, body: received.body },
        sent,
        { findKey: (keyId) => this.options.findBankKey(bankId, keyId), clock: this.clock },
      );
      if (verified.ok) return undefined;
      return unknown("answer_signature_invalid", `the answer's signature: ${verified.code}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return unknown("answer_signature_invalid", `the bank's key could not be read: ${message}`);
    }
  }
}
