import {
  createdSkewMsDefault,
  fieldValue,
  type HeaderFields,
  type MessageBody,
  readSignatureFields,
  readSignatureParams,
  verifyRequest,
  webhookSignedComponents,
} from "@clearhub/http-signatures";
import type { HubEvent } from "./api-types.ts";
import { HubKeySet, KeySetUnavailableError } from "./hub-key-set.ts";
import { NonceMemory } from "./nonce-memory.ts";
import type { FetchFunction } from "./signed-transport.ts";
import type { WebhookFailureCode } from "./webhook-failure-codes.ts";

export interface WebhookVerifierOptions {
  /** The hub's address, where its key set is published (`/.well-known/clearhub-hub-keys`). */
  readonly hubUrl: string;
  /** How far a signature's `created` may be from this machine's clock; 5 minutes by default. */
  readonly createdSkewMs?: number;
  /** The least time between two fetches of the key set; 30 s by default. */
  readonly keySetRefetchIntervalMs?: number;
  /**
   * Records a nonce and answers true, or false if the key already used it; it must be kept
   * until `expiresAtMs`. By default this process's memory; receivers behind a load balancer
   * pass a shared store (Redis SET NX PX, a table with a unique key).
   */
  readonly rememberNonce?: (keyId: string, nonce: string, expiresAtMs: number) => Promise<boolean>;
  readonly fetch?: FetchFunction;
  readonly clock?: () => number;
}

/** A delivery as the receiving server got it. */
export interface WebhookDelivery {
  readonly method: string;
  /** The absolute URL as registered with the hub, which the signature covers. */
  readonly url: string;
  /** Node's `request.headers`, a plain object, or a fetch Headers. */
  readonly headers: HeaderFields | Headers;
  /** The raw body bytes, before any JSON parsing: the digest covers the bytes. */
  readonly body: MessageBody;
}

export type WebhookVerification =
  | { readonly ok: true; readonly event: HubEvent }
  | { readonly ok: false; readonly code: WebhookFailureCode };

const keySetRefetchIntervalMsDefault = 30_000;
const keySetFetchTimeoutMs = 10_000;
/** A wider window keeps nonces longer and lets older captures be replayed; an hour is plenty. */
const createdSkewMsMax = 60 * 60 * 1000;

function assertOptions(createdSkewMs: number, refetchIntervalMs: number): void {
  if (!Number.isFinite(createdSkewMs) || createdSkewMs <= 0 || createdSkewMs > createdSkewMsMax) {
    throw new RangeError(`createdSkewMs must be above 0 and at most ${createdSkewMsMax}`);
  }
  if (!Number.isFinite(refetchIntervalMs) || refetchIntervalMs < 0) {
    throw new RangeError("keySetRefetchIntervalMs must be a finite number of 0 or more");
  }
}

function failure(code: WebhookFailureCode): WebhookVerification {
  return { ok: false, code };
}

function headerFields(headers: HeaderFields | Headers): HeaderFields {
  return headers instanceof Headers ? Object.fromEntries(headers) : headers;
}

/** Whether the signature covers everything the hub signs, read before any key is looked up. */
function coversWebhookComponents(headers: HeaderFields): WebhookFailureCode | undefined {
  const read = readSignatureFields(headers);
  if (!read.ok) return read.code;
  const params = readSignatureParams(read.fields.input);
  if (params === undefined) return "signature_malformed";
  const covered = webhookSignedComponents.every((name) => params.components.includes(name));
  return covered ? undefined : "signature_components_insufficient";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const transferDataStrings = [
  "transferId",
  "state",
  "payer",
  "payee",
  "amount",
  "currency",
] as const;
const agreementDataStrings = ["agreementId", "bankId", "state"] as const;
const billDataStrings = ["subscriptionId", "billerId", "kind", "issuedAt"] as const;
const operationDataStrings = [
  "operationId",
  "kind",
  "bankId",
  "amount",
  "currency",
  "state",
] as const;

/** The data fields an event must carry as strings, by its subject. */
function hasEventData(type: string, data: Record<string, unknown>): boolean {
  if (type.startsWith("agreement.")) {
    return agreementDataStrings.every((name) => typeof data[name] === "string");
  }
  if (type.startsWith("bill.")) {
    return billDataStrings.every((name) => typeof data[name] === "string") && isRecord(data.bill);
  }
  if (type.startsWith("channel.")) {
    return typeof data.channelId === "string" && Array.isArray(data.capabilities);
  }
  if (!type.startsWith("transfer.")) {
    return operationDataStrings.every((name) => typeof data[name] === "string");
  }
  if (!transferDataStrings.every((name) => typeof data[name] === "string")) return false;
  return data.reference === null || typeof data.reference === "string";
}

/** The body as an event, if it has the event's shape and names what the headers do. */
function readEvent(body: MessageBody, headers: HeaderFields): HubEvent | undefined {
  let event: unknown;
  try {
    event = JSON.parse(typeof body === "string" ? body : Buffer.from(body).toString("utf8"));
  } catch {
    return undefined;
  }
  if (!isRecord(event) || !isRecord(event.data)) return undefined;
  const { id, type, createdAt, data } = event;
  if (typeof id !== "string" || typeof type !== "string" || typeof createdAt !== "string") {
    return undefined;
  }
  if (!hasEventData(type, data)) return undefined;
  const named =
    fieldValue(headers, "webhook-id") === id && fieldValue(headers, "webhook-event") === type;
  if (!named) return undefined;
  return event as HubEvent;
}

/**
 * Verifies the webhooks a hub sends, as a receiver must before trusting one: the hub's
 * signature (RFC 9421, Ed25519) over the method, the registered URL, the body's digest and the
 * event headers, made within the allowed clock skew with a nonce not seen before, by a key in
 * the hub's published set. Answers the typed event, or a code saying why it was refused;
 * refusals are expected (forgeries, replays), so they are results, not exceptions.
 */
export class WebhookVerifier {
  private readonly keySet: HubKeySet;
  private readonly rememberNonce: NonNullable<WebhookVerifierOptions["rememberNonce"]>;
  private readonly createdSkewMs: number;
  private readonly clock: () => number;

  constructor(options: WebhookVerifierOptions) {
    this.clock = options.clock ?? Date.now;
    this.createdSkewMs = options.createdSkewMs ?? createdSkewMsDefault;
    const refetchIntervalMs = options.keySetRefetchIntervalMs ?? keySetRefetchIntervalMsDefault;
    assertOptions(this.createdSkewMs, refetchIntervalMs);
    this.rememberNonce = options.rememberNonce ?? new NonceMemory(undefined, this.clock).remember;
    this.keySet = new HubKeySet({
      hubUrl: options.hubUrl,
      fetch: options.fetch ?? fetch,
      refetchIntervalMs,
      fetchTimeoutMs: keySetFetchTimeoutMs,
      clock: this.clock,
    });
  }

  async verify(delivery: WebhookDelivery): Promise<WebhookVerification> {
    const headers = headerFields(delivery.headers);
    const uncovered = coversWebhookComponents(headers);
    if (uncovered !== undefined) return failure(uncovered);
    const signed = { ...delivery, headers };
    let verified: Awaited<ReturnType<typeof verifyRequest>>;
    try {
      verified = await verifyRequest(signed, {
        findKey: async (keyId) => {
          const publicKey = await this.keySet.find(keyId);
          return publicKey === undefined ? undefined : { status: "active", publicKey };
        },
        rememberNonce: this.rememberNonce,
        createdSkewMsMax: this.createdSkewMs,
        clock: this.clock,
      });
    } catch (error) {
      if (error instanceof KeySetUnavailableError) return failure("key_set_unavailable");
      throw error;
    }
    if (!verified.ok) return failure(verified.code);
    const event = readEvent(delivery.body, headers);
    return event === undefined ? failure("event_malformed") : { ok: true, event };
  }
}
