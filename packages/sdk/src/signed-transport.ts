import type { KeyObject } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { signRequest } from "@clearhub/http-signatures";
import { ClearhubNetworkError } from "./network-error.ts";
import { classifyNetworkFailure, type NetworkFailure } from "./network-failure.ts";
import {
  nextAttemptDelayMs,
  type RetryPolicy,
  retryAfterMs,
  retryableStatuses,
} from "./retry-policy.ts";

/** fetch as Node (and undici's own `fetch`) define it; tests and proxies may pass their own. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface SignedTransportOptions {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly retry: RetryPolicy;
  /** One attempt, from sending to the last byte of the answer. */
  readonly attemptTimeoutMs: number;
  readonly fetch: FetchFunction;
}

/** What the attempts of one call went through, for the methods whose answer depends on it. */
export interface ExchangeRecord {
  attempts: number;
  /** An earlier attempt may have been applied by the hub though its answer never came back. */
  earlierAttemptMayHaveApplied: boolean;
}

/** The largest answer read: a full page of transfers or a bulk answer is far smaller. */
export const responseBytesMax = 16 * 1024 * 1024;

/** Statuses whose responses cannot carry a body (the Response constructor refuses one). */
const nullBodyStatuses: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

interface Message {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | undefined;
}

type AttemptOutcome =
  | { readonly answered: true; readonly response: Response }
  | { readonly answered: false; readonly failure: NetworkFailure; readonly error: unknown };

export function newExchangeRecord(): ExchangeRecord {
  return { attempts: 0, earlierAttemptMayHaveApplied: false };
}

/**
 * The fetch under the typed client. It takes the request exactly as serialised, and for every
 * attempt signs those bytes anew (RFC 9421: a fresh `created` and `nonce`, since the hub
 * refuses a nonce twice), sends them, and reads the whole answer within the attempt's time,
 * so a connection lost mid-answer counts as a lost answer. Transient failures are retried
 * under the retry policy; the final answer, whatever its status, is returned.
 */
export class SignedTransport {
  constructor(private readonly options: SignedTransportOptions) {}

  /**
   * A fetch for one call; `record` follows its attempts. A `streamed` call's successful answer
   * is handed over as its headers arrive, its body unread: the attempt's time limit stops
   * there, and a body cut off later fails the read (it is not retried, having been consumed).
   */
  fetchFor(record: ExchangeRecord, streamed = false): (request: Request) => Promise<Response> {
    return (request) => this.exchange(request, record, streamed);
  }

  private async exchange(
    request: Request,
    record: ExchangeRecord,
    streamed: boolean,
  ): Promise<Response> {
    const message = await readMessage(request);
    const startedAt = performance.now();
    for (;;) {
      record.attempts += 1;
      const outcome = await this.attempt(message, request.signal, streamed);
      const delayMs = this.retryDelayMs(outcome, record.attempts, performance.now() - startedAt);
      if (delayMs === undefined) return settle(outcome, record.attempts);
      if (mayHaveApplied(outcome)) record.earlierAttemptMayHaveApplied = true;
      await waitOrAbort(delayMs, request.signal);
    }
  }

  private async attempt(
    message: Message,
    callerSignal: AbortSignal,
    streamed: boolean,
  ): Promise<AttemptOutcome> {
    const { keyId, privateKey, attemptTimeoutMs } = this.options;
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException("attempt timed out", "TimeoutError")),
      attemptTimeoutMs,
    );
    const signal = AbortSignal.any([callerSignal, timeout.signal]);
    const signature = signRequest(message, { keyId, privateKey });
    try {
      const response = await this.options.fetch(message.url, {
        method: message.method,
        headers: { ...message.headers, ...signature },
        ...(message.body === undefined ? {} : { body: message.body }),
        signal,
        // The signature covers the URL: it is never sent on to another one.
        redirect: "manual",
      });
      if (streamed && response.ok) return { answered: true, response };
      return { answered: true, response: await buffered(response) };
    } catch (error) {
      if (callerSignal.aborted) throw callerSignal.reason;
      const failure = classifyNetworkFailure(error);
      if (failure === undefined) throw error;
      return { answered: false, failure, error };
    } finally {
      clearTimeout(timer);
    }
  }

  private retryDelayMs(outcome: AttemptOutcome, attempts: number, elapsedMs: number) {
    const { retry } = this.options;
    if (!outcome.answered) {
      return outcome.failure.transient
        ? nextAttemptDelayMs({ attempts, elapsedMs }, retry, Math.random)
        : undefined;
    }
    const { response } = outcome;
    if (!retryableStatuses.has(response.status)) return undefined;
    const asked = retryAfterMs(response.headers.get("retry-after"), Date.now());
    return nextAttemptDelayMs({ attempts, elapsedMs, retryAfterMs: asked }, retry, Math.random);
  }
}

async function readMessage(request: Request): Promise<Message> {
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  return {
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body,
  };
}

/** A 502 or 504 comes from a proxy that may have passed the request on before failing. */
function mayHaveApplied(outcome: AttemptOutcome): boolean {
  if (!outcome.answered) return outcome.failure.mayHaveArrived;
  return outcome.response.status === 502 || outcome.response.status === 504;
}

function settle(outcome: AttemptOutcome, attempts: number): Response {
  if (outcome.answered) return outcome.response;
  const tried = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  throw new ClearhubNetworkError(
    `no answer from the hub after ${tried}: ${outcome.failure.reason}`,
    attempts,
    {
      cause: outcome.error,
    },
  );
}

async function waitOrAbort(delayMs: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(delayMs, undefined, { signal });
  } catch (error) {
    throw signal.aborted ? signal.reason : error;
  }
}

/** The whole answer read now, so that a broken connection shows here, not while parsing. */
async function buffered(response: Response): Promise<Response> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of response.body ?? []) {
    bytes += chunk.byteLength;
    if (bytes > responseBytesMax) {
      throw new Error(`the hub's answer exceeds ${responseBytesMax} bytes; it was not read`);
    }
    chunks.push(chunk);
  }
  const body = nullBodyStatuses.has(response.status) ? null : Buffer.concat(chunks);
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
