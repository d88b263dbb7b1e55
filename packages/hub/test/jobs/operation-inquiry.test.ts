/**
 * The one inquiry job over every registered kind of operation: each pass claims what is due of
 * each kind, within its batch size and at the job's clock, has that kind's runner take each up,
 * and reports a take-up that failed without stopping the others.
 */
import { describe, expect, it } from "vitest";
import { inquiredKind, OperationInquiry } from "../../src/jobs/operation-inquiry.ts";

interface Due {
  readonly id: string;
}

function kindOf(name: string, ids: string[], takenUp: string[], failing = new Set<string>()) {
  const claims: { now: number; limit: number; leaseMs: number }[] = [];
  const store = {
    async claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<Due[]> {
      claims.push({ now, limit, leaseMs });
      return ids.splice(0, limit).map((id) => ({ id }));
    },
  };
  const runner = {
    async takeUp(operation: Due) {
      if (failing.has(operation.id)) throw new Error(`${operation.id} failed`);
      takenUp.push(`${name}:${operation.id}`);
    },
  };
  return { kind: inquiredKind(store, runner), claims };
}

describe("OperationInquiry", () => {
  it("takes up the due operations of every kind, each within the batch size", async () => {
    const takenUp: string[] = [];
    const errors: unknown[] = [];
    const banks = kindOf("bank", ["d-1", "d-2", "d-3"], takenUp);
    const postings = kindOf("posting", ["p-1", "p-2"], takenUp, new Set(["p-2"]));
    const job = new OperationInquiry(
      [banks.kind, postings.kind],
      { intervalMs: 1_000, batchSizeMax: 2, leaseMs: 5_000, onError: (e) => errors.push(e) },
      () => 42,
    );
    expect(await job.pass()).toBe(4);
    expect(takenUp.sort()).toEqual(["bank:d-1", "bank:d-2", "posting:p-1"]);
    expect(errors).toEqual([new Error("p-2 failed")]);
    expect(banks.claims).toEqual([{ now: 42, limit: 2, leaseMs: 5_000 }]);
    expect(postings.claims).toEqual([{ now: 42, limit: 2, leaseMs: 5_000 }]);
    expect(await job.pass()).toBe(1);
    expect(takenUp).toContain("bank:d-3");
  });
});
