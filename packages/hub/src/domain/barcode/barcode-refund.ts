import { createHash } from "node:crypto";
import { hubPostedTransferIdPrefixes } from "../ledger/transfer.ts";
import type { BarcodeInstrument } from "./barcode-payment.ts";

/**
 * A refund of a `succeeded` barcode payment, asked by the payment's acquirer: all or part of
 * it, and the refunds of one payment (pending and done) never more than its amount.
 *
 * - Merchant-presented payments: the issuer has nothing to decide; the refund clears at once
 *   (acquirer → issuer) and is `succeeded` when written, the issuer told by webhook.
 * - Consumer-presented payments: the refund is sent to the issuer's wallet interface, its money
 *   reserved meanwhile; `processing` while the call is under way, `unknown` when it left without
 *   an answer to rely on (the status inquiry asks), then `succeeded` or `declined`. A declined
 *   refund gives its amount back to what may be refunded.
 */
export const barcodeRefundStates = ["processing", "unknown", "succeeded", "declined"] as const;
export type BarcodeRefundState = (typeof barcodeRefundStates)[number];

export const unsettledBarcodeRefundStates = ["processing", "unknown"] as const;

export function isBarcodeRefundSettled(state: BarcodeRefundState): boolean {
  return state === "succeeded" || state === "declined";
}

export interface BarcodeRefund {
  readonly acquirerId: string;
  /** The acquirer's id of the refund: its idempotency key. */
  readonly id: string;
  /** The hub's id of the refund, the one the issuer and the webhooks see. */
  readonly refundId: string;
  readonly paymentId: string;
  /** The refunded payment's instrument: how the refund clears. */
  readonly instrument: BarcodeInstrument;
  readonly issuerId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly reason: string | null;
  readonly state: BarcodeRefundState;
  readonly failureCode: string | null;
  readonly failureText: string | null;
  /** SHA-256 of the canonical request: the same id with another body is not a retry. */
  readonly requestHash: string;
  readonly nextInquiryAt: number;
  readonly inquiries: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly settledAt: number | null;
}

function keyDigest(purpose: string, acquirerId: string, id: string): string {
  return createHash("sha256")
    .update(`${purpose}\u0000${acquirerId}\u0000${id}`, "utf8")
    .digest("hex")
    .slice(0, 40);
}

/** The hub's refund id: derived from the acquirer and its id, the same on every retry. */
export function barcodeRefundIdOf(acquirerId: string, id: string): string {
  return `bcr-${keyDigest("refund", acquirerId, id)}`;
}

/**
 * The ledger transfer that clears the refund (acquirer → issuer): posted for a
 * merchant-presented payment, reserved (pending) for a consumer-presented one. Derived from the
 * refund's key, so a retry finds it (`exists`) instead of moving the money twice.
 */
export function barcodeRefundTransferIdOf(acquirerId: string, id: string): string {
  return `${hubPostedTransferIdPrefixes.barcodeRefund}${keyDigest("refund-clearing", acquirerId, id)}`;
}

/** What was learnt of a consumer-presented refund: from its call or an inquiry. */
export type BarcodeRefundOutcome =
  | { readonly kind: "succeeded"; readonly at: number }
  | { readonly kind: "failed"; readonly code: string; readonly text: string }
  | { readonly kind: "pending" }
  | { readonly kind: "unknown" };

/** The refund after an outcome, or undefined when it is settled already. */
export function applyRefundOutcome(
  refund: BarcodeRefund,
  outcome: BarcodeRefundOutcome,
  at: number,
  nextInquiryAt: number,
): BarcodeRefund | undefined {
  if (isBarcodeRefundSettled(refund.state)) return undefined;
  switch (outcome.kind) {
    case "succeeded":
      return { ...refund, state: "succeeded", updatedAt: at, settledAt: at };
    case "failed":
      return {
        ...refund,
        state: "declined",
        failureCode: outcome.code,
        failureText: outcome.text,
        updatedAt: at,
        settledAt: at,
      };
    case "pending":
    case "unknown":
      return { ...refund, state: "unknown", updatedAt: at, nextInquiryAt };
  }
}
