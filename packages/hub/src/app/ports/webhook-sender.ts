/** One webhook request, as the dispatcher hands it to the transport. */
export interface OutgoingWebhook {
  readonly url: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The JSON body, sent byte for byte as stored. */
  readonly payload: string;
}

/** What came of one request: the receiver's status, or why there was none. */
export type SendOutcome =
  | { readonly answered: true; readonly statusCode: number }
  | { readonly answered: false; readonly error: string };

/** Sends a webhook, signed, within a time limit; resolves whatever happens, never rejects. */
export interface WebhookSender {
  send(webhook: OutgoingWebhook): Promise<SendOutcome>;
}
