import { signRequest, webhookSignedComponents } from "@clearhub/http-signatures";
import { Agent, request } from "undici";
import type {
  OutgoingWebhook,
  SendOutcome,
  WebhookSender,
} from "../../app/ports/webhook-sender.ts";
import type { HubSigningKey } from "../signing/hub-signing-key.ts";
import type { WebhookDestinationPolicy } from "./webhook-destination-policy.ts";

export interface HttpWebhookSenderOptions {
  /** The whole request, from connecting to reading the answer; then it counts as failed. */
  readonly requestTimeoutMs: number;
  /** Open connections per receiving origin, so one receiver cannot take every socket. */
  readonly connectionsPerOriginMax: number;
  /** Where webhooks may go; every address is allowed without one (the adapter's own tests). */
  readonly destinations?: WebhookDestinationPolicy | undefined;
}

export const httpWebhookSenderDefaults: HttpWebhookSenderOptions = {
  requestTimeoutMs: 10_000,
  connectionsPerOriginMax: 8,
};

/** The answer's body is not used; more than this is not even read. */
const responseBodyBytesMax = 64 * 1024;
const userAgent = "clearhub-webhooks/1";

/**
 * Sends webhooks with undici: an HTTP POST of the stored JSON, signed by the hub (RFC 9421)
 * with a fresh nonce and the current time. Redirects are not followed: a receiver that moved
 * updates its endpoint, and a signed request is never sent somewhere the participant did not
 * register.
 */
export class HttpWebhookSender implements WebhookSender {
  private readonly agent: Agent;

  constructor(
    private readonly key: HubSigningKey,
    private readonly options: HttpWebhookSenderOptions = httpWebhookSenderDefaults,
    private readonly clock: () => number = Date.now,
  ) {
    const timeoutMs = options.requestTimeoutMs;
    this.agent = new Agent({
      connections: options.connectionsPerOriginMax,
      // The socket resolves names through the policy: the address checked is the one used.
      connect: {
        timeout: timeoutMs,
        ...(options.destinations ? { lookup: options.destinations.lookup } : {}),
      },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  async send(webhook: OutgoingWebhook): Promise<SendOutcome> {
    try {
      return await this.post(webhook);
    } catch (error) {
      return { answered: false, error: describeFailure(error, this.options.requestTimeoutMs) };
    }
  }

  /** Closes idle connections; requests under way finish first. */
  close(): Promise<void> {
    return this.agent.close();
  }

  private async post(webhook: OutgoingWebhook): Promise<SendOutcome> {
    // A literal address is never looked up, so the policy judges it here.
    const refused = this.options.destinations?.refusalOfLiteral(webhook.url);
    if (refused !== undefined) return { answered: false, error: refused };
    const headers = this.signedHeaders(webhook);
    const signal = AbortSignal.timeout(this.options.requestTimeoutMs);
    const response = await request(webhook.url, {
      method: "POST",
      headers,
      body: webhook.payload,
      dispatcher: this.agent,
      signal,
    });
    await response.body.dump({ limit: responseBodyBytesMax, signal });
    return { answered: true, statusCode: response.statusCode };
  }

  private signedHeaders(webhook: OutgoingWebhook): Record<string, string> {
    const headers = {
      "content-type": "application/json",
      "user-agent": userAgent,
      "webhook-id": webhook.eventId,
      "webhook-event": webhook.eventType,
    };
    const signature = signRequest(
      { method: "POST", url: webhook.url, headers, body: webhook.payload },
      {
        keyId: this.key.keyId,
        privateKey: this.key.privateKey,
        createdSeconds: Math.floor(this.clock() / 1000),
        components: webhookSignedComponents,
      },
    );
    return { ...headers, ...signature };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError" || error.name === "AbortError") {
    return `no answer within ${timeoutMs} ms`;
  }
  const code = (error as { code?: unknown }).code;
  // undici wraps the socket's error; its code (ECONNREFUSED, ENOTFOUND …) says the most.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${typeof code === "string" ? `${code} ` : ""}${error.message}${cause}`;
}
