/**
 * The bill payment's state machine and its events: each outcome moves it once, a settled
 * payment never moves again, a reversal is refused after a rejection (the money went back
 * already), and every event the domain writes matches the schema published for webhooks.
 */

import { registerStringFormats } from "@clearhub/wire";
import { Value } from "@sinclair/typebox/value";
import { describe, expect, it } from "vitest";
import { BillPaymentEventSchema } from "../../src/api/bill-payment-event-schema.ts";
import {
  type BillPayment,
  clearBackTransferIdOf,
  clearingTransferIdOf,
  postingIdOf,
} from "../../src/domain/bill-payments/bill-payment.ts";
import { billPaymentEvent } from "../../src/domain/bill-payments/bill-payment-event.ts";
import {
  applyPostingOutcome,
  applyReversal,
} from "../../src/domain/bill-payments/posting-outcome.ts";
import { transferIdPattern } from "../../src/domain/ledger/transfer.ts";

registerStringFormats();

const accepted: BillPayment = {
  channelId: "wallet-a",
  id: "bp-1",
  billerId: "water-co",
  billRef: null,
  sealedParameters: "sealed",
  parametersHash: "h",
  billNumber: null,
  amountMinor: 25_00n,
  feeMinor: null,
  currency: "EUR",
  requestHash: "r",
  state: "accepted",
  postingId: postingIdOf("wallet-a", "bp-1"),
  receiptNumber: null,
  failureCode: null,
  failureText: null,
  failAt: 1_000_000,
  nextInquiryAt: 0,
  inquiries: 0,
  createdAt: 0,
  updatedAt: 0,
  postedAt: null,
  reversedAt: null,
};

describe("a bill payment's outcomes", () => {
  it("moves accepted to posting on an unknown outcome, once", () => {
    const posting = applyPostingOutcome(accepted, { kind: "unknown" }, 5, 10);
    expect(posting).toMatchObject({ state: "posting", nextInquiryAt: 10 });
    expect(applyPostingOutcome(posting as BillPayment, { kind: "unknown" }, 6, 11)).toBeUndefined();
  });

  it("keeps a posting refused before reading as accepted, to be posted again", () => {
    expect(applyPostingOutcome(accepted, { kind: "pending", resend: true }, 5, 10)).toMatchObject({
      state: "accepted",
      nextInquiryAt: 10,
    });
  });

  it("settles once: posted, rejected or given up, and never again", () => {
    const posted = applyPostingOutcome(
      accepted,
      { kind: "succeeded", receiptNumber: "R-1", postedAt: 7 },
      8,
      9,
    ) as BillPayment;
    expect(posted).toMatchObject({ state: "posted", receiptNumber: "R-1", postedAt: 7 });
    const rejected = { kind: "failed", cause: "rejected", code: "declined", text: "no" } as const;
    expect(applyPostingOutcome(posted, rejected, 9, 9)).toBeUndefined();
    expect(applyPostingOutcome(accepted, rejected, 9, 9)).toMatchObject({ state: "rejected" });
    const deadline = {
      kind: "failed",
      cause: "deadline",
      code: "posting_failed",
      text: "",
    } as const;
    expect(applyPostingOutcome(accepted, deadline, 9, 9)).toMatchObject({
      state: "posting_failed",
    });
  });

  it("reverses any payment but a rejected or reversed one", () => {
    const rejected = { ...accepted, state: "rejected" } as const;
    expect(applyReversal(rejected, "R-1", 3, 4)).toBeUndefined();
    const reversed = applyReversal({ ...accepted, state: "posted" }, "R-1", 3, 4);
    expect(reversed).toMatchObject({ state: "reversed", reversedAt: 3, receiptNumber: "R-1" });
    expect(applyReversal(reversed as BillPayment, "R-1", 3, 4)).toBeUndefined();
  });

  it("derives ledger and posting ids the ledger and the biller interface take", () => {
    for (const id of [
      clearingTransferIdOf("wallet-a", "bp-1"),
      clearBackTransferIdOf("wallet-a", "bp-1"),
      postingIdOf("wallet-a", "bp-1"),
    ]) {
      expect(id).toMatch(transferIdPattern);
    }
    expect(clearingTransferIdOf("wallet-a", "bp-1")).not.toBe(
      clearingTransferIdOf("wallet-b", "bp-1"),
    );
  });

  it("writes events that match the published webhook schema", () => {
    for (const state of ["posted", "rejected", "reversed", "posting_failed"] as const) {
      const event = billPaymentEvent({ ...accepted, state, failureCode: "x", failureText: "y" });
      const body = JSON.parse(event.payload);
      expect(Value.Errors(BillPaymentEventSchema, body).First()).toBeUndefined();
      expect(event.type).toBe(`bill_payment.${state}`);
    }
    expect(() => billPaymentEvent(accepted)).toThrow();
  });
});
