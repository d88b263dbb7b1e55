import { describe, expect, it } from "vitest";
import { transfersCopyText } from "../../src/adapters/store/postgres-copy-text.ts";
import type { StoredTransfer } from "../../src/domain/ledger/transfer.ts";
import { describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub } from "../support/test-hub.ts";

const base: StoredTransfer = {
  id: "t-1",
  kind: "pending",
  debitAccountId: 1,
  creditAccountId: 2,
  amount: 2n ** 63n - 1n,
  currency: "CNY",
  pendingId: null,
  timeoutMs: 60_000,
  expiresAt: 1_700_000_060_000,
  reference: null,
  linked: true,
  batchSeq: 7,
  batchIndex: 0,
  createdAt: 1_700_000_000_000,
};

describe("transfersCopyText", () => {
  it("writes one tab-separated line per transfer, nulls as \\N, amounts exactly", () => {
    expect(transfersCopyText([base, { ...base, id: "t-2", batchIndex: 1, linked: false }])).toBe(
      "t-1\tpending\t1\t2\t9223372036854775807\tCNY\t\\N\t60000\t1700000060000\t\\N\t1\t7\t0\t1700000000000\n" +
        "t-2\tpending\t1\t2\t9223372036854775807\tCNY\t\\N\t60000\t1700000060000\t\\N\t0\t7\t1\t1700000000000\n",
    );
  });

  it("doubles backslashes in references so COPY stores them as written", () => {
    const line = transfersCopyText([{ ...base, reference: "C:\\bills\\N" }]);
    expect(line.split("\t")[9]).toBe("C:\\\\bills\\\\N");
  });
});

describeEachBackend("references through the batch path", (backend) => {
  it("stores a reference with backslashes and quotes exactly and answers its retry as exists", async () => {
    const { hub, dispose } = await openTestHub(backend);
    try {
      const holding = [{ currency: "CNY", netDebitCap: 1_000n }];
      await hub.participants.register(
        {
          id: "bank-a",
          name: "A",
          kind: "bank",
          currencies: holding,
        },
        testActor,
      );
      await hub.participants.register(
        {
          id: "bank-b",
          name: "B",
          kind: "bank",
          currencies: holding,
        },
        testActor,
      );
      const debit = await hub.participantStore.findAccount("bank-a", "CNY", "position");
      const credit = await hub.participantStore.findAccount("bank-b", "CNY", "position");
      const reference = 'C:\\bills\\N "quoted" \\\\ end';
      const request = {
        kind: "posted" as const,
        id: "ref-1",
        debitAccountId: debit?.id ?? 0,
        creditAccountId: credit?.id ?? 0,
        amount: 5n,
        currency: "CNY",
        reference,
      };
      expect(await hub.ledger.submitOne(request)).toBe("ok");
      expect((await hub.ledgerStore.findTransfer("ref-1"))?.reference).toBe(reference);
      expect(await hub.ledger.submitOne(request)).toBe("exists");
    } finally {
      await dispose();
    }
  });
});
