/**
 * The one status inquiry over every registered kind of operation: each pass of the job claims
 * what is due of each kind, within its batch size and at the job's clock, has that kind's runner
 * take each up, and reports a take-up that failed without stopping the others. The same kinds
 * take up named operations on demand (reconciliation), reporting which are settled after.
 */
import { describe, expect, it } from "vitest";
import { inquiredKind, StatusInquiry } from "../../src/app/calls/status-inquiry.ts";
import { OperationInquiry } from "../../src/jobs/operation-inquiry.ts";

interface Due {
  readonly id: string;
  readonly settled?: boolean;
}

function kindOf(
  name: "bank_operation" | "bill_payment",
  ids: string[],
  takenUp: string[],
  failing = new Set<string>(),
  answering = new Set<string>(),
) {
  const claims: { now: number; limit: number; leaseMs: number }[] = [];
  const store = {
    async claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<Due[]> {
      claims.push({ now, limit, leaseMs });
      return ids.splice(0, limit).map((id) => ({ id }));
    },
    async find(_owner: string, id: string): Promise<Due | undefined> {
      return id.startsWith("gone") ? undefined : { id, settled: id.startsWith("final") };
    },
  };
  const runner = {
    async takeUp(operation: Due): Promise<Due> {
      if (failing.has(operation.id)) throw new Error(`${operation.id} failed`);
      takenUp.push(`${name}:${operation.id}`);
      return { id: operation.id, settled: answering.has(operation.id) };
    },
  };
  return {
    kind: inquiredKind(name, store, runner, (operation) => operation.settled === true),
    claims,
  };
}

describe("OperationInquiry", () => {
  it("takes up the due operations of every kind, each within the batch size", async () => {
    const takenUp: string[] = [];
    const errors: unknown[] = [];
    const banks = kindOf("bank_operation", ["d-1", "d-2", "d-3"], takenUp);
    const postings = kindOf("bill_payment", ["p-1", "p-2"], takenUp, new Set(["p-2"]));
    const job = new OperationInquiry(
      new StatusInquiry([banks.kind, postings.kind], (e) => errors.push(e)),
      { intervalMs: 1_000, batchSizeMax: 2, leaseMs: 5_000, onError: (e) => errors.push(e) },
      () => 42,
    );
    expect(await job.pass()).toBe(4);
    expect(takenUp.sort()).toEqual([
      "bank_operation:d-1",
      "bank_operation:d-2",
      "bill_payment:p-1",
    ]);
    expect(errors).toEqual([new Error("p-2 failed")]);
    expect(banks.claims).toEqual([{ now: 42, limit: 2, leaseMs: 5_000 }]);
    expect(postings.claims).toEqual([{ now: 42, limit: 2, leaseMs: 5_000 }]);
    expect(await job.pass()).toBe(1);
    expect(takenUp).toContain("bank_operation:d-3");
  });
});

describe("StatusInquiry.takeUpEach", () => {
  it("asks about each named operation through its kind and reports which are settled", async () => {
    const takenUp: string[] = [];
    const errors: unknown[] = [];
    const banks = kindOf("bank_operation", [], takenUp, new Set(["d-boom"]), new Set(["d-1"]));
    const postings = kindOf("bill_payment", [], takenUp, new Set(), new Set(["p-1"]));
    const inquiry = new StatusInquiry([banks.kind, postings.kind], (e) => errors.push(e));
    const progress: number[] = [];
    const named = (kind: "bank_operation" | "bill_payment", id: string) => ({
      hubTransactionId: `tx-${id}`,
      kind,
      key: ["owner", id] as const,
    });
    const report = await inquiry.takeUpEach(
      [
        named("bank_operation", "d-1"),
        named("bank_operation", "d-2"),
        named("bank_operation", "d-boom"),
        named("bank_operation", "final-1"),
        named("bank_operation", "gone-1"),
        named("bill_payment", "p-1"),
      ],
      (done) => progress.push(done),
    );
    expect(report.settled).toEqual(["tx-d-1", "tx-final-1", "tx-p-1"]);
    expect(report.unsettled).toEqual(["tx-d-2", "tx-d-boom", "tx-gone-1"]);
    // A settled operation is not asked about again; one not found is never guessed.
    expect(takenUp.sort()).toEqual([
      "bank_operation:d-1",
      "bank_operation:d-2",
      "bill_payment:p-1",
    ]);
    expect(errors).toEqual([new Error("d-boom failed")]);
    expect(progress).toEqual([6]);
    expect(banks.claims).toEqual([]);
  });
});
