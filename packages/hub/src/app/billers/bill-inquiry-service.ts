import { randomUUID } from "node:crypto";
import type { TrafficClass } from "../../domain/billers/admission-rule.ts";
import type { BillerCapacity } from "../../domain/billers/biller-capacity.ts";
import type { BillerCapacity as DeclaredCapacity } from "../../domain/billers/biller-profile.ts";
import {
  type CustomerParameterFailure,
  checkCustomerParameters,
} from "../../domain/billers/customer-parameter-check.ts";
import { customerParamsHash } from "../../domain/billers/customer-params-hash.ts";
import { ownerFields } from "../../domain/calls/callable-endpoint.ts";
import type { ChannelRefusalCode } from "../../domain/channels/channel-may.ts";
import { guardedCall } from "../calls/guarded-call.ts";
import type { ChannelPermission } from "../channels/channel-suspension-service.ts";
import type { BankEndpointStore } from "../ports/bank-endpoint-store.ts";
import type { BillPresentment, BillPresentmentStore } from "../ports/bill-presentment-store.ts";
import type { BillerConnector, BillerRefused, BillsDue } from "../ports/biller-connector.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";
import type { BillerAdmissionGate } from "./biller-admission-gate.ts";
import type { BillerRegistry } from "./biller-registry.ts";
import { type CachedBills, fromCachedBills, toCachedBills } from "./cached-bills.ts";

/** A bill as presented to a channel, as the inquiry answers it. */
export type { BillPresentment };

/** Who asked: a person waiting in an app, or a machine checking on its own schedule. */
export type BillInquiryInitiation = "user" | "scheduled";

export interface BillInquiryInput {
  readonly billerId: string;
  readonly customerParameters: Readonly<Record<string, string>>;
  readonly initiation: BillInquiryInitiation;
}

export interface BillInquiryAnswer {
  readonly billerId: string;
  readonly customerName?: string | undefined;
  /** Where the bills came from: the biller now, or the presentment cache. */
  readonly source: "biller" | "cache";
  /** When the biller answered them, by the hub's clock. */
  readonly fetchedAtMs: number;
  /** Each bill under its new reference, valid until its `expiresAtMs`. */
  readonly presentments: readonly BillPresentment[];
}

export type BillInquiryRefusal =
  | ChannelRefusalCode
  | "biller_not_found"
  | "biller_inactive"
  | "bill_fetch_not_supported"
  | "customer_parameters_invalid"
  | "bill_customer_not_found"
  | "biller_unavailable"
  | "channel_quota_exceeded"
  | "biller_capacity_exceeded";

export type BillInquiryOutcome =
  | { readonly ok: true; readonly value: BillInquiryAnswer }
  | {
      readonly ok: false;
      readonly code: BillInquiryRefusal;
      /** With `customer_parameters_invalid`: each failing parameter; empty when the biller refused them. */
      readonly failures?: readonly CustomerParameterFailure[] | undefined;
      /** With the two capacity codes: when asking again may succeed. */
      readonly retryAfterMs?: number | undefined;
    };

export interface BillInquirySettings {
  /** How long a channel may pay a presented bill under its reference. */
  readonly billRefValidityMs: number;
}

export const billInquiryDefaults: BillInquirySettings = { billRefValidityMs: 30 * 60_000 };

/**
 * A billRef lasts from a minute (a person can still pay in time) to a day: the bill it names is
 * the biller's answer of that moment, and a day-old amount due may no longer be what is owed.
 */
export const billRefValidityMinutesMin = 1;
export const billRefValidityMinutesMax = 24 * 60;

function assertSettings(settings: BillInquirySettings): void {
  const validityMs = settings.billRefValidityMs;
  const inRange =
    validityMs >= billRefValidityMinutesMin * 60_000 &&
    validityMs <= billRefValidityMinutesMax * 60_000;
  if (!Number.isSafeInteger(validityMs) || !inRange) {
    throw new Error(`billRefValidityMs must be 1 minute to 1 day, not ${validityMs}`);
  }
}

export interface BillInquiryDependencies {
  /** Asked first: a channel whose inquiries are suspended reaches no biller and writes nothing. */
  readonly channels: ChannelPermission;
  readonly registry: BillerRegistry;
  readonly endpoints: Pick<BankEndpointStore, "findPrimary">;
  readonly guard: EndpointGuard;
  readonly connector: BillerConnector;
  readonly gate: BillerAdmissionGate<CachedBills>;
  readonly presentments: BillPresentmentStore;
  readonly clock: () => number;
  readonly newId?: (() => string) | undefined;
}

/** The registry's declaration in the gate's terms: basis points become whole percent, rounded up. */
export function gateCapacityOf(declared: DeclaredCapacity): BillerCapacity {
  return {
    inquiriesPerSecond: declared.inquiriesPerSecond,
    postingsPerSecond: declared.postingsPerSecond,
    concurrentCallsMax: declared.concurrentCallsMax,
    postingReservedPercent: Math.min(100, Math.ceil(declared.postingReserveBasisPoints / 100)),
  };
}

function fail(
  code: BillInquiryRefusal,
  extra: { failures?: readonly CustomerParameterFailure[]; retryAfterMs?: number } = {},
): BillInquiryOutcome {
  return { ok: false, code, ...extra };
}

/** A biller's refusal of an inquiry in the channel's terms; anything but the customer's is the biller's trouble. */
function refusalOf(refused: BillerRefused): BillInquiryOutcome {
  if (refused.code === "customer_not_found") return fail("bill_customer_not_found");
  if (refused.code === "customer_parameters_invalid") {
    return fail("customer_parameters_invalid", { failures: [] });
  }
  return fail("biller_unavailable");
}

/**
 * A channel's bill inquiry (`POST /v1/bill-inquiries`): the channel must not be suspended from
 * inquiring (asked before anything else, so a suspended channel costs billers nothing and learns
 * nothing of them), the biller's profile checks the request,
 * the admission gate protects the biller (a `scheduled` inquiry is answered from a fresh cached
 * copy, or only from spare capacity), and an admitted inquiry goes to the biller's primary
 * endpoint under the endpoint guard. Every bill answered is kept as a presentment under a new
 * reference the channel quotes to pay it. An inquiry moves no money, so the hub never retries
 * one: a biller that does not answer is `biller_unavailable`, and the channel may ask again.
 */
export class BillInquiryService {
  private readonly newId: () => string;

  constructor(
    private readonly dependencies: BillInquiryDependencies,
    private readonly settings: BillInquirySettings = billInquiryDefaults,
  ) {
    assertSettings(settings);
    this.newId = dependencies.newId ?? randomUUID;
  }

  async inquire(channelId: string, input: BillInquiryInput): Promise<BillInquiryOutcome> {
    const verdict = await this.dependencies.channels.may(channelId, { capability: "bill_inquiry" });
    if (!verdict.allowed) return fail(verdict.code);
    const found = await this.dependencies.registry.find(input.billerId);
    if (!found.ok) return fail("biller_not_found");
    const { profile, status } = found.value;
    if (status !== "active") return fail("biller_inactive");
    if (profile.billFetch === "not_supported") return fail("bill_fetch_not_supported");
    const checked = checkCustomerParameters(profile.parameters, input.customerParameters);
    if (!checked.ok) return fail("customer_parameters_invalid", { failures: checked.failures });
    const endpoint = await this.dependencies.endpoints.findPrimary(input.billerId);
    if (endpoint === undefined) return fail("biller_unavailable");
    const key = {
      billerId: input.billerId,
      customerParamsHash: customerParamsHash(checked.values),
    };
    const trafficClass: TrafficClass =
      input.initiation === "scheduled" ? "scheduled_inquiry" : "user_inquiry";
    const admitted = await this.dependencies.gate.admitInquiry(
      {
        billerId: input.billerId,
        capacity: gateCapacityOf(profile.capacity),
        channel: { channelId },
        trafficClass,
        callTimeoutMs: endpoint.timeoutMs,
      },
      key,
    );
    const ask = { channelId, billerId: input.billerId, values: checked.values, key };
    if (admitted.outcome === "shed") {
      const code =
        admitted.reason === "channel_quota" ? "channel_quota_exceeded" : "biller_capacity_exceeded";
      return fail(code, { retryAfterMs: admitted.retryAfterMs });
    }
    if (admitted.outcome === "cached") {
      const due = fromCachedBills(admitted.presentment.bills);
      if (due !== undefined) {
        return this.present(ask, due, "cache", admitted.presentment.fetchedAtMs);
      }
    }
    const ticket = admitted.outcome === "admitted" ? admitted.ticket : undefined;
    try {
      const verdict = await guardedCall(
        this.dependencies.guard,
        { ...endpoint, ...ownerFields({ kind: "biller", id: input.billerId }) },
        (address, options) =>
          this.dependencies.connector.inquireBills(
            { billerId: input.billerId, endpointId: address.endpointId, url: address.url },
            {
              inquiryId: this.newId(),
              customerParameters: profile.parameters
                .filter((spec) => checked.values[spec.name] !== undefined)
                .map((spec) => ({ name: spec.name, value: checked.values[spec.name] ?? "" })),
            },
            options,
          ),
        (refused) => refused.code === "biller_busy",
      );
      if (verdict.kind === "refused") return refusalOf(verdict);
      if (verdict.kind !== "answered") return fail("biller_unavailable");
      const fetchedAtMs = this.dependencies.clock();
      await this.dependencies.gate.putPresentment(
        key,
        { bills: toCachedBills(verdict.answer), fetchedAtMs },
        profile.presentmentCacheTtlSeconds * 1_000,
      );
      return this.present(ask, verdict.answer, "biller", fetchedAtMs);
    } finally {
      await ticket?.release();
    }
  }

  private async present(
    ask: {
      channelId: string;
      billerId: string;
      values: Readonly<Record<string, string>>;
      key: { customerParamsHash: string };
    },
    due: BillsDue,
    source: "biller" | "cache",
    fetchedAtMs: number,
  ): Promise<BillInquiryOutcome> {
    const presentedAtMs = this.dependencies.clock();
    const presentments: BillPresentment[] = due.bills.map((bill) => ({
      billRef: `br_${this.newId()}`,
      channelId: ask.channelId,
      billerId: ask.billerId,
      customerParameters: ask.values,
      customerParamsHash: ask.key.customerParamsHash,
      ...(due.customerName === undefined ? {} : { customerName: due.customerName }),
      bill,
      presentedAtMs,
      expiresAtMs: presentedAtMs + this.settings.billRefValidityMs,
    }));
    await this.dependencies.presentments.save(presentments);
    return {
      ok: true,
      value: {
        billerId: ask.billerId,
        ...(due.customerName === undefined ? {} : { customerName: due.customerName }),
        source,
        fetchedAtMs,
        presentments,
      },
    };
  }
}
