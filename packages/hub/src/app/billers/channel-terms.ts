import {
  channelWeightMax,
  operationOf,
  type TrafficClass,
} from "../../domain/billers/admission-rule.ts";
import type { BillerCapacity } from "../../domain/billers/biller-capacity.ts";

/** How a channel is treated at billers: its weight in fair shares and its own quotas. */
export interface ChannelTerms {
  readonly channelId: string;
  /** 1..1000; shares of a biller's capacity are in proportion to it. Unset: as configured, else 1. */
  readonly weight?: number | undefined;
  /** Calls per second to any one biller, per class; unset classes as configured, else the defaults. */
  readonly quotas?: Partial<Readonly<Record<TrafficClass, number>>> | undefined;
}

/** The operator's terms per channel id; a channel not named has weight 1 and the default quotas. */
export type ConfiguredChannelTerms = Readonly<Record<string, Omit<ChannelTerms, "channelId">>>;

/** A request's channel with its terms settled: what the request said, else the configuration. */
export interface SettledTerms extends ChannelTerms {
  readonly weight: number;
}

/** The request's own terms over the operator's configuration over the defaults (weight 1). */
export function settleTerms(
  channel: ChannelTerms,
  configuration: ConfiguredChannelTerms,
): SettledTerms {
  const configured = Object.hasOwn(configuration, channel.channelId)
    ? configuration[channel.channelId]
    : undefined;
  return {
    channelId: channel.channelId,
    weight: channel.weight ?? configured?.weight ?? 1,
    quotas: { ...configured?.quotas, ...channel.quotas },
  };
}

/**
 * A channel's calls per second to one biller in a class its terms set no quota for: the
 * biller's whole rate for people's inquiries and for postings (the biller's capacity, shared
 * fairly, is what holds them), and `scheduledQuotaPercent` of its inquiry rate, at least one,
 * for machines' inquiries.
 */
export function defaultChannelQuota(
  capacity: Pick<BillerCapacity, "inquiriesPerSecond" | "postingsPerSecond">,
  trafficClass: TrafficClass,
  scheduledQuotaPercent: number,
): number {
  if (operationOf(trafficClass) === "posting") return capacity.postingsPerSecond;
  if (trafficClass === "user_inquiry") return capacity.inquiriesPerSecond;
  return Math.max(1, Math.floor((capacity.inquiriesPerSecond * scheduledQuotaPercent) / 100));
}

/** A weight outside its bounds is a programming or configuration error, never a request's. */
export function checkWeight(weight: number): void {
  if (!Number.isSafeInteger(weight) || weight < 1 || weight > channelWeightMax) {
    throw new Error(`a channel's weight must be a whole number from 1 to ${channelWeightMax}`);
  }
}
