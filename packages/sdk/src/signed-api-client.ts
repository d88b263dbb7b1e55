import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/openapi-types.ts";
import { type PrivateKeyInput, readPrivateKey } from "./private-key.ts";
import { ClearhubProblemError, problemOf } from "./problem-error.ts";
import { assertRetryPolicy, type RetryPolicy, retryPolicyDefaults } from "./retry-policy.ts";
import {
  type ExchangeRecord,
  type FetchFunction,
  newExchangeRecord,
  SignedTransport,
} from "./signed-transport.ts";

export interface ClearhubClientOptions {
  /** The hub's address, e.g. `https://hub.example`; the `/v1` routes are under it. */
  readonly baseUrl: string;
  /** The key id the operator's hub issued when it registered the participant's public key. */
  readonly keyId: string;
  readonly privateKey: PrivateKeyInput;
  readonly retry?: Partial<RetryPolicy>;
  /** One attempt, from sending to the last byte of the answer; 10 s unless given. */
  readonly attemptTimeoutMs?: number;
  /**
   * The fetch to send with; Node's own unless given. To tune connections, pass undici's
   * `fetch` bound to an Agent: `(url, init) => fetch(url, { ...init, dispatcher: agent })`.
   */
  readonly fetch?: FetchFunction;
}

export interface CallOptions {
  /** Aborts the call, including any wait between attempts; the call rejects with its reason. */
  readonly signal?: AbortSignal;
}

const attemptTimeoutMsDefault = 10_000;
const attemptTimeoutMsMax = 10 * 60 * 1000;
const userAgent = "clearhub-sdk/0.1";

interface Answer<Body> {
  readonly data?: Body;
  readonly error?: unknown;
  readonly response: Response;
}

function assertAttemptTimeout(timeoutMs: number): void {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > attemptTimeoutMsMax) {
    throw new RangeError(`attemptTimeoutMs must be above 0 and at most ${attemptTimeoutMsMax}`);
  }
}

/**
 * What every call of the client goes through: the typed routes of the hub's OpenAPI document
 * and the transport that signs each attempt and retries. The calls themselves are added group
 * by group (participant-calls.ts, bank-calls.ts, clearhub-client.ts).
 */
export class SignedApiClient {
  protected readonly api: Client<paths>;
  private readonly transport: SignedTransport;

  constructor(options: ClearhubClientOptions) {
    const retry = { ...retryPolicyDefaults, ...options.retry };
    assertRetryPolicy(retry);
    const attemptTimeoutMs = options.attemptTimeoutMs ?? attemptTimeoutMsDefault;
    assertAttemptTimeout(attemptTimeoutMs);
    this.transport = new SignedTransport({
      keyId: options.keyId,
      privateKey: readPrivateKey(options.privateKey),
      retry,
      attemptTimeoutMs,
      fetch: options.fetch ?? fetch,
    });
    this.api = createClient<paths>({
      baseUrl: new URL(options.baseUrl).href,
      headers: { "user-agent": userAgent },
    });
  }

  /**
   * Sends one call through its own signing, retrying fetch; answers the 2xx body, or throws
   * the answer's problem. `record` tells the caller what the attempts went through.
   */
  protected async call<Body>(
    send: (fetch: (request: Request) => Promise<Response>) => Promise<Answer<Body>>,
    record: ExchangeRecord = newExchangeRecord(),
    how: { readonly streamed?: boolean } = {},
  ): Promise<{ body: Body; response: Response }> {
    const fetch = this.transport.fetchFor(record, how.streamed === true);
    const { data, error, response } = await send(fetch);
    if (!response.ok) {
      throw new ClearhubProblemError(problemOf(response, error), {
        requestId: response.headers.get("x-request-id") ?? undefined,
        attempts: record.attempts,
      });
    }
    return { body: data as Body, response };
  }
}

const replayedHeader = "idempotent-replayed";

/** The hub answered from an earlier request with the same id. */
export function isReplayed(response: Response): boolean {
  return response.headers.get(replayedHeader) === "true";
}
