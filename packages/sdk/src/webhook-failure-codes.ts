import { type SignatureFailureCode, signatureFailureCodes } from "@clearhub/http-signatures";

/**
 * Every reason a delivery is refused, in the order they are checked. A transient one (the key
 * set could not be fetched) says nothing about the delivery: answer 5xx and the hub sends it
 * again later. Any other is final for this request: answer 4xx (a forged or damaged request
 * will not improve, and a genuine one the hub sends again under a fresh signature).
 */
export const webhookFailureCodes = {
  signature_missing: { transient: false, meaning: signatureFailureCodes.signature_missing.meaning },
  signature_malformed: {
    transient: false,
    meaning: signatureFailureCodes.signature_malformed.meaning,
  },
  signature_components_insufficient: {
    transient: false,
    meaning:
      "The signature does not cover every component the hub signs webhooks with: @method, @target-uri, content-digest, content-type, webhook-id and webhook-event.",
  },
  signature_created_out_of_window: {
    transient: false,
    meaning: signatureFailureCodes.signature_created_out_of_window.meaning,
  },
  key_set_unavailable: {
    transient: true,
    meaning:
      "The hub's key set could not be fetched (or not again yet, to spare the hub), so the signature could not be checked.",
  },
  key_unknown: {
    transient: false,
    meaning:
      "The hub's key set has no key with the signature's keyid, though it was fetched again (at most once per refetch interval) to look for it.",
  },
  key_revoked: { transient: false, meaning: signatureFailureCodes.key_revoked.meaning },
  digest_mismatch: { transient: false, meaning: signatureFailureCodes.digest_mismatch.meaning },
  signature_invalid: {
    transient: false,
    meaning: "The signature does not verify with the hub's key of that keyid.",
  },
  nonce_replayed: {
    transient: false,
    meaning: "This signature's nonce was seen before: the request is a replay.",
  },
  event_malformed: {
    transient: false,
    meaning:
      "The signed body is not a transfer event, or its id and type differ from the webhook-id and webhook-event headers.",
  },
} as const satisfies Record<
  SignatureFailureCode | "key_set_unavailable" | "event_malformed",
  { transient: boolean; meaning: string }
>;

export type WebhookFailureCode = keyof typeof webhookFailureCodes;
