import { describe, expect, it } from "vitest";
import {
  applicableSchedule,
  type FeeSchedule,
  feeScheduleProblem,
} from "../../../src/domain/fees/fee-schedule.ts";
import { amountMinorMax } from "../../../src/domain/money/amount.ts";

const valid: FeeSchedule = {
  transactionType: "transfer",
  participantId: null,
  currency: "CNY",
  fixedMinor: 10n,
  basisPoints: 25,
  minimumMinor: 50n,
  maximumMinor: 2000n,
};

describe("fee schedule", () => {
  it("accepts a schedule within the rules, zero and no maximum included", () => {
    expect(feeScheduleProblem(valid)).toBeNull();
    const free = { ...valid, fixedMinor: 0n, basisPoints: 0, minimumMinor: 0n, maximumMinor: null };
    expect(feeScheduleProblem(free)).toBeNull();
    expect(feeScheduleProblem({ ...valid, basisPoints: 10_000 })).toBeNull();
    expect(feeScheduleProblem({ ...valid, fixedMinor: 5000n })).toBeNull();
  });

  it("refuses each mistake with its code, negatives first", () => {
    expect(feeScheduleProblem({ ...valid, fixedMinor: -1n })).toBe("fee_value_negative");
    expect(feeScheduleProblem({ ...valid, minimumMinor: -1n })).toBe("fee_value_negative");
    expect(feeScheduleProblem({ ...valid, maximumMinor: -1n })).toBe("fee_value_negative");
    expect(feeScheduleProblem({ ...valid, basisPoints: -1 })).toBe("fee_value_negative");
    expect(feeScheduleProblem({ ...valid, fixedMinor: amountMinorMax + 1n })).toBe(
      "fee_value_too_large",
    );
    expect(feeScheduleProblem({ ...valid, maximumMinor: amountMinorMax + 1n })).toBe(
      "fee_value_too_large",
    );
    expect(feeScheduleProblem({ ...valid, basisPoints: 10_001 })).toBe("fee_basis_points_invalid");
    expect(feeScheduleProblem({ ...valid, basisPoints: 2.5 })).toBe("fee_basis_points_invalid");
    expect(feeScheduleProblem({ ...valid, minimumMinor: 2001n })).toBe("fee_minimum_above_maximum");
    expect(feeScheduleProblem({ ...valid, fixedMinor: -1n, basisPoints: 10_001 })).toBe(
      "fee_value_negative",
    );
  });

  it("prices with the payer's own schedule over the network default, and none without either", () => {
    const own = { ...valid, participantId: "wallet-a", fixedMinor: 1n };
    const payout = { ...valid, transactionType: "payout" as const, fixedMinor: 2n };
    const usd = { ...valid, currency: "USD", fixedMinor: 3n };
    const all = [valid, own, payout, usd];
    expect(applicableSchedule(all, "transfer", "wallet-a", "CNY")).toBe(own);
    expect(applicableSchedule(all, "transfer", "wallet-b", "CNY")).toBe(valid);
    expect(applicableSchedule(all, "payout", "wallet-a", "CNY")).toBe(payout);
    expect(applicableSchedule(all, "refund", "wallet-a", "CNY")).toBeUndefined();
    expect(applicableSchedule(all, "transfer", "wallet-a", "EUR")).toBeUndefined();
  });
});
