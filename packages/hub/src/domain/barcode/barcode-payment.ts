import { createHash } from "node:crypto";
import { hubPostedTransferIdPrefixes, type PostingRequest } from "../ledger/transfer.ts";
import type { RiskLevel } from "./risk-level.ts";

/**
 * A barcode payment between institutions: a customer of an issuer (a wallet, a prepaid card
 * issuer) paid a merchant of an acquirer at the point of sale, and the hub cleared it issuer →
 * acquirer.
 *
 * - Merchant-presented (`static_qr`, `dynamic_qr`): the customer's app scanned the merchant's
 *   EMVCo code and the issuer asked the hub to pay. The hub needs no call out: it checks the code,
 *   the merchant and the customer's daily limit, clears, and the payment is `succeeded` when it is
 *   written.
 * - Consumer-presented (`payment_code`, `prepaid_card`): the merchant's acquirer scanned the
 *   customer's one-time code (or read a prepaid card) and asked the hub; the hub routes it by
 *   prefix to the issuer's wallet interface, which authorises it. `authorising` while the call is
 *   under way, `unknown` when it left without an answer to rely on, `pending` when the customer
 *   must still confirm; then `succeeded` or `declined`.
 * - `reversing`: the payment will not stand and no money moves to the acquirer, but the issuer
 *   must still be told to undo it: the acquirer gave up on a payment whose outcome it never
 *   learnt, or the issuer approved a payment past the customer's daily limit. The hub sends the
 *   reversal until the issuer confirms; the payment is then `reversed` (the acquirer's) or
 *   `declined` (the limit's).
 */
export const barcodePaymentModes = ["merchant_presented", "consumer_presented"] as const;
export type BarcodePaymentMode = (typeof barcodePaymentModes)[number];

export const barcodeInstruments = [
  "static_qr",
  "dynamic_qr",
  "payment_code",
  "prepaid_card",
] as const;
export type BarcodeInstrument = (typeof barcodeInstruments)[number];

export function modeOfInstrument(instrument: BarcodeInstrument): BarcodePaymentMode {
  return instrument === "static_qr" || instrument === "dynamic_qr"
    ? "merchant_presented"
    : "consumer_presented";
}

export const barcodePaymentStates = [
  "authorising",
  "unknown",
  "pending",
  "reversing",
  "succeeded",
  "declined",
  "reversed",
] as const;
export type BarcodePaymentState = (typeof barcodePaymentStates)[number];

export const unsettledBarcodePaymentStates = [
  "authorising",
  "unknown",
  "pending",
  "reversing",
] as const;

/** The states in which the acquirer may still give a payment up: its outcome is not known. */
export const reversibleBarcodePaymentStates = ["authorising", "unknown", "pending"] as const;

export function isBarcodePaymentSettled(state: BarcodePaymentState): boolean {
  return !(unsettledBarcodePaymentStates as readonly string[]).includes(state);
}

export interface BarcodePayment {
  /** Who asked the hub: the issuer (merchant-presented) or the acquirer (consumer-presented). */
  readonly initiatorId: string;
  /** The initiator's id of the payment: its idempotency key. */
  readonly id: string;
  /** The hub's id of the payment, the one the other side and the webhooks see. */
  readonly paymentId: string;
  readonly instrument: BarcodeInstrument;
  /** The institution holding the payer's money. */
  readonly issuerId: string;
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  /** A dynamic code's order reference, which the acquirer looks its order up by; else null. */
  readonly orderReference: string | null;
  /** The code or card number presented (consumer-presented), sealed; else null. */
  readonly sealedNumber: string | null;
  /** The same, masked, for people and logs. */
  readonly maskedNumber: string | null;
  /** SHA-256 of the issuer's customer reference: the daily limit counts by it. */
  readonly customerKey: string | null;
  readonly verificationLevel: RiskLevel | null;
  /** SHA-256 of the canonical request: the same id with another body is not a retry. */
  readonly requestHash: string;
  readonly state: BarcodePaymentState;
  readonly authorizationCode: string | null;
  readonly failureCode: string | null;
  readonly failureText: string | null;
  /** What has been refunded of it so far (never more than `amountMinor`). */
  readonly refundedMinor: bigint;
  readonly nextInquiryAt: number;
  readonly inquiries: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly settledAt: number | null;
}

function keyDigest(purpose: string, initiatorId: string, id: string): string {
  return createHash("sha256")
    .update(`${purpose}\u0000${initiatorId}\u0000${id}`, "utf8")
    .digest("hex")
    .slice(0, 40);
}

/**
 * The hub's payment id: derived from the initiator and its id, so it is the same however often
 * the request is retried, and says nothing about the initiator's own ids.
 */
export function barcodePaymentIdOf(initiatorId: string, id: string): string {
  return `bc-${keyDigest("payment", initiatorId, id)}`;
}

/**
 * The ledger transfer that clears the payment (issuer → acquirer), derived from the payment's
 * key so a retry whose row was never written finds the transfer (`exists`) instead of moving
 * the money twice. Under the hub's own prefix for posted transfers.
 */
export function barcodeClearingTransferIdOf(initiatorId: string, id: string): string {
  return `${hubPostedTransferIdPrefixes.barcodePayment}${keyDigest("clearing", initiatorId, id)}`;
}

/** The clearing transfer of a payment, from its own key. */
export function clearingTransferOf(payment: Pick<BarcodePayment, "initiatorId" | "id">): string {
  return barcodeClearingTransferIdOf(payment.initiatorId, payment.id);
}

/** The issuer's position (paying) and the acquirer's (paid) in the payment's currency. */
export interface ClearingAccounts {
  readonly debitAccountId: number;
  readonly creditAccountId: number;
}

/**
 * The payment's clearing, issuer → acquirer under its derived id: posted at once for a
 * merchant-presented payment, reserved for `timeoutMs` while the issuer authorises a
 * consumer-presented one. Its detail (parties, request hash) lets the ledger tell a retry of the
 * request from a reuse of its id.
 */
export function clearingOf(
  payment: BarcodePayment,
  accounts: ClearingAccounts,
  reservation?: { readonly timeoutMs: number },
): PostingRequest {
  return {
    ...(reservation === undefined
      ? { kind: "posted" }
      : { kind: "pending", timeoutMs: reservation.timeoutMs }),
    id: clearingTransferOf(payment),
    ...accounts,
    amount: payment.amountMinor,
    currency: payment.currency,
    reference: `barcode-payment:${payment.paymentId}`,
    detail: {
      initiatorId: payment.initiatorId,
      payerId: payment.issuerId,
      payeeId: payment.acquirerId,
      requestHash: payment.requestHash,
      sealedParties: null,
    },
  };
}

/**
 * The level a payment is counted at. The PBOC's barcode rules put every payment by a static
 * code at level D, whatever the customer verified: a static code binds no amount or order, so
 * it is the easiest to abuse. Other payments count at the level the customer verified.
 */
export function effectiveLevelOf(instrument: BarcodeInstrument, verified: RiskLevel): RiskLevel {
  return instrument === "static_qr" ? "D" : verified;
}

/**
 * The customer as the payment rows know it: a digest of the issuer and its customer reference,
 * never the reference itself, which may be a phone number.
 */
export function customerKeyOf(issuerId: string, customerRef: string): string {
  return createHash("sha256").update(`${issuerId}\u0000${customerRef}`, "utf8").digest("hex");
}

/** What a new payment is made of; the rest starts empty. */
export type NewBarcodePaymentFields = Pick<
  BarcodePayment,
  | "initiatorId"
  | "id"
  | "instrument"
  | "issuerId"
  | "acquirerId"
  | "merchantId"
  | "amountMinor"
  | "currency"
  | "requestHash"
  | "state"
  | "nextInquiryAt"
> &
  Partial<
    Pick<
      BarcodePayment,
      "orderReference" | "sealedNumber" | "maskedNumber" | "customerKey" | "verificationLevel"
    >
  >;

/**
 * A payment as it is first written at `at`: its hub id derived from the initiator's key, nothing
 * refunded, no outcome yet unless its state is already final (a merchant-presented payment is
 * written `succeeded`).
 */
export function newBarcodePayment(fields: NewBarcodePaymentFields, at: number): BarcodePayment {
  return {
    orderReference: null,
    sealedNumber: null,
    maskedNumber: null,
    customerKey: null,
    verificationLevel: null,
    ...fields,
    paymentId: barcodePaymentIdOf(fields.initiatorId, fields.id),
    authorizationCode: null,
    failureCode: null,
    failureText: null,
    refundedMinor: 0n,
    inquiries: 0,
    createdAt: at,
    updatedAt: at,
    settledAt: isBarcodePaymentSettled(fields.state) ? at : null,
  };
}
