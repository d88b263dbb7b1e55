import { describe, expect, it } from "vitest";
import {
  feeTransferId,
  isFeeTransferId,
  type PostingRequest,
} from "../../../src/domain/ledger/transfer.ts";
import { validate } from "../../../src/domain/ledger/transfer-validation.ts";

const posting = (id: string): PostingRequest => ({
  kind: "posted",
  id,
  debitAccountId: 1,
  creditAccountId: 2,
  amount: 1n,
  currency: "EUR",
});

describe("fee transfer ids", () => {
  it("derives the fee's id from the transfer's, under the hub's `~` namespace", () => {
    expect(feeTransferId("t-1")).toBe("~fee:t-1");
    expect(feeTransferId("bp.0123")).toBe("~fee:bp.0123");
    expect(isFeeTransferId(feeTransferId("a".repeat(64)))).toBe(true);
  });

  it("lets the ledger take a fee id of any client id, and no other `~` posting", () => {
    expect(validate(posting(feeTransferId("a".repeat(64))))).toBeNull();
    expect(validate(posting("~fee:"))).toBe("id_invalid");
    expect(validate(posting("~fee:~commit:t-1"))).toBe("id_invalid");
    expect(validate(posting("~commit:t-1"))).toBe("id_invalid");
    expect(validate(posting(`~fee:${"a".repeat(65)}`))).toBe("id_invalid");
  });
});
