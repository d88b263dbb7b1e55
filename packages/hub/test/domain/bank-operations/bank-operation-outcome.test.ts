import { describe, expect, it } from "vitest";
import {
  type BankOperation,
  type BankOperationState,
  bankOperationStates,
} from "../../../src/domain/bank-operations/bank-operation.ts";
import {
  applyOutcome,
  type BankOperationOutcome,
  inquiryDelayMs,
} from "../../../src/domain/bank-operations/bank-operation-outcome.ts";

function operation(state: BankOperationState): BankOperation {
  return {
    paymentInstitutionId: "wallet-a",
    id: "pay-1",
    kind: "debit",
    bankId: "bank-a",
    agreementId: "ag-1",
    originalId: null,
    amountMinor: 100n,
    feeMinor: null,
    currency: "CNY",
    transactionId: "tx-1",
    state,
    requestHash: "h",
    failureCode: null,
    failureText: null,
    bankReference: null,
    sealedCreditor: null,
    maskedCreditor: null,
    createdAt: 1,
    updatedAt: 1,
    completedAt: null,
    nextInquiryAt: 5,
    inquiries: 0,
  };
}

const outcomes: Record<BankOperationOutcome["kind"], BankOperationOutcome> = {
  succeeded: { kind: "succeeded", bankReference: "ref-1", completedAt: 9 },
  failed: { kind: "failed", code: "insufficient_funds", text: "no money" },
  pending: { kind: "pending" },
  unknown: { kind: "unknown" },
};

/** Written out by hand: which state each outcome leads to from each state, if it may move. */
const expected: Record<
  BankOperationOutcome["kind"],
  Partial<Record<BankOperationState, BankOperationState>>
> = {
  succeeded: { processing: "succeeded", pending: "succeeded", unknown: "succeeded" },
  failed: { processing: "failed", pending: "failed", unknown: "failed" },
  pending: { processing: "pending", unknown: "pending" },
  unknown: { processing: "unknown" },
};

describe("bank operation outcomes", () => {
  for (const [kind, outcome] of Object.entries(outcomes) as [
    BankOperationOutcome["kind"],
    BankOperationOutcome,
  ][]) {
    for (const from of bankOperationStates) {
      const to = expected[kind][from];
      it(`${kind} from ${from} ${to === undefined ? "conflicts" : `leads to ${to}`}`, () => {
        const result = applyOutcome(operation(from), outcome, 7, 70);
        if (to === undefined) {
          expect(result).toEqual({ ok: false, code: "bank_operation_state_conflict" });
          return;
        }
        expect(result.ok && result.operation.state).toBe(to);
      });
    }
  }

  it("keeps what a final outcome says, and when an unsettled one is asked about next", () => {
    const done = applyOutcome(operation("unknown"), outcomes.succeeded, 7, 70);
    expect(done.ok && [done.operation.bankReference, done.operation.completedAt]).toEqual([
      "ref-1",
      9,
    ]);
    const refused = applyOutcome(operation("processing"), outcomes.failed, 7, 70);
    expect(refused.ok && [refused.operation.failureCode, refused.operation.completedAt]).toEqual([
      "insufficient_funds",
      7,
    ]);
    const waiting = applyOutcome(operation("processing"), outcomes.unknown, 7, 70);
    expect(waiting.ok && waiting.operation.nextInquiryAt).toBe(70);
  });

  it("waits twice as long after each inquiry, up to the cap", () => {
    expect([0, 1, 2, 3, 10, 1_000].map((n) => inquiryDelayMs(n, 100, 1_000))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });
});
