import type { Currency } from "../../domain/money/currency.ts";
import type { ParticipantCallOptions, ParticipantCallResult } from "./participant-call.ts";

/**
 * The app's view of a biller: the calls of the biller interface, each to one endpoint of the
 * biller, each answering what became of it without ever guessing. As with banks, the limits
 * around the calls (the guard's breaker and bulkhead, the admission gate's capacity) wrap a
 * connector; the connector bounds each call by the time it is given.
 */

/** Where a call goes: the endpoint the registry holds for the biller. */
export interface BillerEndpointAddress {
  readonly billerId: string;
  readonly endpointId: string;
  /** The endpoint's base URL; each call's path is appended to it. */
  readonly url: string;
}

export type BillerCallOptions = ParticipantCallOptions;

/** One parameter identifying a customer at a biller, as the registry's profile names it. */
export interface CustomerParameterValue {
  readonly name: string;
  readonly value: string;
}

export interface BillInquiry {
  /** The hub's id of the inquiry, for tracing on both sides; an inquiry changes nothing. */
  readonly inquiryId: string;
  /** Checked against the biller's profile before the call, in the profile's order. */
  readonly customerParameters: readonly CustomerParameterValue[];
}

/** The days a bill covers, both included, as ISO dates (YYYY-MM-DD). */
export interface BillPeriod {
  readonly from: string;
  readonly to: string;
}

/** A bill due as the biller presented it, its amounts in minor units of its currency. */
export interface PresentedBill {
  readonly billNumber: string;
  readonly currency: Currency;
  readonly amountDueMinor: bigint;
  /** The least the biller takes for the bill, when it takes part payments. */
  readonly amountMinMinor?: bigint | undefined;
  /** The most the biller takes for the bill, when it takes advance payments. */
  readonly amountMaxMinor?: bigint | undefined;
  /** ISO date (YYYY-MM-DD). */
  readonly dueDate: string;
  readonly period?: BillPeriod | undefined;
  readonly description?: string | undefined;
}

export interface BillsDue {
  readonly customerName?: string | undefined;
  /** Oldest due date first; empty when the customer owes nothing now. */
  readonly bills: readonly PresentedBill[];
}

export interface PostingRequest {
  /** The hub's id of the posting: the biller's idempotency key. */
  readonly postingId: string;
  readonly channelId: string;
  readonly customerParameters: readonly CustomerParameterValue[];
  /** Absent for a direct payment to the customer's account, where the biller allows it. */
  readonly billNumber?: string | undefined;
  readonly amountMinor: bigint;
  readonly currency: Currency;
  /** When the channel took the customer's payment: the payment date the biller credits. */
  readonly paidAtMs: number;
}

/** Why a biller rejected a posting, for good: the biller interface's closed set. */
export type PostingRejectionReason =
  | "customer_unknown"
  | "customer_inactive"
  | "bill_unknown"
  | "bill_already_paid"
  | "bill_withdrawn"
  | "amount_mismatch"
  | "amount_below_minimum"
  | "amount_above_maximum"
  | "currency_not_supported"
  | "declined"
  | "posting_not_received";

/** Where a posting stands: accepted and rejected are final; pending becomes one of them. */
export type PostingOutcome =
  | {
      readonly postingId: string;
      readonly status: "accepted";
      readonly receiptNumber: string;
      readonly postedAtMs: number;
    }
  | {
      readonly postingId: string;
      readonly status: "rejected";
      readonly reasonCode: PostingRejectionReason;
      readonly reasonText: string;
    }
  | { readonly postingId: string; readonly status: "pending" };

/**
 * Why a biller refused a request without acting on it: the biller interface's closed set. The
 * app acts on a few by name (`customer_not_found`, `customer_parameters_invalid`, `biller_busy`);
 * the others say the hub's request or signature was at fault.
 */
export type BillerRefusalCode =
  | "request_invalid"
  | "signature_missing"
  | "signature_malformed"
  | "signature_components_insufficient"
  | "signature_created_out_of_window"
  | "key_unknown"
  | "key_revoked"
  | "digest_mismatch"
  | "signature_invalid"
  | "nonce_replayed"
  | "route_unknown"
  | "idempotency_key_reused"
  | "customer_parameters_invalid"
  | "customer_not_found"
  | "biller_busy";

/** The biller's signed refusal: it applied and recorded nothing for the request. */
export interface BillerRefused {
  readonly kind: "refused";
  readonly code: BillerRefusalCode;
  readonly reason: string;
  readonly statusCode: number;
}

export type BillerCallResult<Answer> = ParticipantCallResult<Answer, BillerRefused>;

/**
 * The biller interface's calls. An inquiry changes nothing at the biller; a posting is
 * idempotent by its posting id, so sending it again after an unknown outcome credits once; a
 * posting inquiry settles an unknown outcome for good (an id never received is closed as
 * `posting_not_received`).
 */
export interface BillerConnector {
  inquireBills(
    endpoint: BillerEndpointAddress,
    inquiry: BillInquiry,
    options: BillerCallOptions,
  ): Promise<BillerCallResult<BillsDue>>;
  post(
    endpoint: BillerEndpointAddress,
    posting: PostingRequest,
    options: BillerCallOptions,
  ): Promise<BillerCallResult<PostingOutcome>>;
  inquirePosting(
    endpoint: BillerEndpointAddress,
    postingId: string,
    options: BillerCallOptions,
  ): Promise<BillerCallResult<PostingOutcome>>;
}
