import type { TrafficClass } from "../../domain/billers/admission-rule.ts";

/** Whose quota: a channel's calls of one class to one biller. */
export interface QuotaSubject {
  readonly billerId: string;
  readonly channelId: string;
  readonly trafficClass: TrafficClass;
}

export type QuotaResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfterMs: number };

/**
 * Each channel's own quota per biller and class: a bucket of `perSecondMax` calls, refilled
 * whole at each second of the caller's clock. It is the channel's politeness limit, checked
 * before the biller's capacity, so a channel past its quota is turned away at once without
 * queueing and without counting as demand on the biller. (The biller's protection itself does
 * not depend on it: that is the admission rule's.)
 */
export interface ChannelQuota {
  take(subject: QuotaSubject, perSecondMax: number, nowMs: number): Promise<QuotaResult>;
}
