/**
 * The bank operations store on both backends: an id is inserted once; the daily cap of an
 * agreement and the refundable amount of a debit hold under concurrent inserts; a change is
 * written only from the state it started from, with its events; concurrent inquiry claims
 * never take the same operation.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyAgreementStore } from "../../src/adapters/store/kysely-agreement-store.ts";
import { KyselyBankEndpointStore } from "../../src/adapters/store/kysely-bank-endpoint-store.ts";
import { KyselyBankOperationStore } from "../../src/adapters/store/kysely-bank-operation-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import type { OperationCap } from "../../src/app/ports/bank-operation-store.ts";
import type { BankOperation } from "../../src/domain/bank-operations/bank-operation.ts";
import { newEndpointSettings } from "../../src/domain/banks/bank-endpoint.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const { kysely, dialect } = test.database;
  const participants = new KyselyParticipantStore(kysely);
  for (const [id, kind] of [
    ["bank-a", "bank"],
    ["wallet-a", "payment_institution"],
  ] as const) {
    await participants.createParticipant(
      { id, name: id, kind, status: "active", createdAt: 1 },
      [],
    );
  }
  await new KyselyBankEndpointStore(kysely, dialect).addEndpoint(
    {
      bankId: "bank-a",
      id: "main",
      ...newEndpointSettings("https://bank-a.example", {}),
      createdAt: 1,
      updatedAt: 1,
      retiredAt: null,
    },
    { inServiceMax: 10, keptMax: 10 },
    {
      at: 1,
      actor: { kind: "operator_token", id: "tok", name: "ops" },
      action: "bank_endpoint.add",
      subject: "bank-a/main",
      details: {},
    },
  );
  const agreements = new KyselyAgreementStore(kysely);
  await agreements.insert({
    id: "ag-1",
    paymentInstitutionId: "wallet-a",
    bankId: "bank-a",
    state: "active",
    pinnedEndpointId: "main",
    signRequestId: "sr-1",
    bankSignRequestId: "b-1",
    risk: { authenticationFactors: 1, digitalCertificate: false },
    requestHash: "h",
    sealedCustomer: "s",
    maskedCustomer: { holderName: "Li Wei", idType: "resident_id", idNumber: "x", mobile: "y" },
    agreementNumber: "AGR-1",
    otpExpiresAt: null,
    failureCode: null,
    failureText: null,
    unsignedBy: null,
    createdAt: 1,
    updatedAt: 1,
    signedAt: 1,
    unsignedAt: null,
  });
  return new KyselyBankOperationStore(kysely, dialect);
}

function debit(
  id: string,
  amountMinor: bigint,
  overrides: Partial<BankOperation> = {},
): BankOperation {
  return {
    paymentInstitutionId: "wallet-a",
    id,
    kind: "debit",
    bankId: "bank-a",
    agreementId: "ag-1",
    originalId: null,
    amountMinor,
    feeMinor: null,
    currency: "CNY",
    transactionId: `tx-${id}`,
    state: "processing",
    requestHash: "h",
    failureCode: null,
    failureText: null,
    bankReference: null,
    sealedCreditor: null,
    maskedCreditor: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    completedAt: null,
    nextInquiryAt: 2_000,
    inquiries: 0,
    ...overrides,
  };
}

const daily = (maxMinor: bigint): OperationCap => ({
  kind: "agreement_daily",
  agreementId: "ag-1",
  dayStart: 0,
  dayEnd: 10_000,
  maxMinor,
});

describeEachBackend("bank operation store", (backend) => {
  it("inserts an id once and reads back every field", async () => {
    const store = await openStore(backend);
    const payment = debit("pay-1", 12_345n, {
      maskedCreditor: { name: "Li Wei", accountNumber: "****0001" },
      sealedCreditor: "sealed",
    });
    expect(await store.insert(payment)).toEqual({ ok: true, operation: payment, created: true });
    const again = await store.insert(debit("pay-1", 1n));
    expect(again).toEqual({ ok: true, operation: payment, created: false });
    expect(await store.findByTransaction("bank-a", "tx-pay-1")).toEqual(payment);
  });

  it("keeps an agreement's day within its cap under concurrent inserts, failed ones not counted", async () => {
    const store = await openStore(backend);
    await store.insert(debit("old-failed", 90_000n, { state: "failed" }), daily(100_000n));
    await store.insert(debit("yesterday", 90_000n, { createdAt: 20_000 }), daily(100_000n));
    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.insert(debit(`r-${i}`, 30_000n), daily(100_000n))),
    );
    expect(racing.filter((r) => r.ok)).toHaveLength(3);
    expect(racing.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(
      Array(5).fill("exceeds_daily_limit"),
    );
  });

  it("keeps a debit's refunds within its amount under concurrent inserts", async () => {
    const store = await openStore(backend);
    await store.insert(debit("pay-1", 10_000n, { state: "succeeded" }));
    const cap: OperationCap = { kind: "refundable", originalId: "pay-1", maxMinor: 10_000n };
    const refunds = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        store.insert(debit(`ref-${i}`, 3_000n, { kind: "refund", originalId: "pay-1" }), cap),
      ),
    );
    expect(refunds.filter((r) => r.ok)).toHaveLength(3);
  });

  it("writes a change only from the state it started from", async () => {
    const store = await openStore(backend);
    const payment = debit("pay-2", 100n);
    await store.insert(payment);
    const unknown = { ...payment, state: "unknown" as const, nextInquiryAt: 3_000 };
    expect(await store.update(unknown, "processing")).toEqual({ ok: true, operation: unknown });
    expect(await store.update(unknown, "processing")).toEqual({
      ok: false,
      code: "bank_operation_state_conflict",
    });
  });

  it("claims each due inquiry once, however many claim at once, and leaves settled ones", async () => {
    const store = await openStore(backend);
    for (let i = 0; i < 10; i++) {
      await store.insert(debit(`due-${i}`, 1n, { state: "unknown", nextInquiryAt: 100 + i }));
    }
    await store.insert(debit("later", 1n, { state: "unknown", nextInquiryAt: 9_999 }));
    await store.insert(debit("done", 1n, { state: "succeeded", nextInquiryAt: 1 }));
    const claims = await Promise.all(
      Array.from({ length: 4 }, () => store.claimDueInquiries(500, 3, 1_000)),
    );
    const ids = claims.flat().map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(10);
    expect(ids).not.toContain("later");
    expect(ids).not.toContain("done");
    const claimed = claims.flat()[0] as BankOperation;
    expect(claimed.nextInquiryAt).toBe(1_500);
    expect(claimed.inquiries).toBe(1);
    const rest = await store.claimDueInquiries(500, 20, 1_000);
    expect(rest.length + ids.length).toBe(10);
  });
});
