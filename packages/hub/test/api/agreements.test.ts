/**
 * The agreement routes' refusals, each answered before or without a bank's answer, and
 * documented on its route: malformed customers, unknown banks, a bank with no endpoint (nothing
 * sent), an agreement that is not the caller's, and bank notices answered 204 once or again.
 */
import { registerStringFormats } from "@clearhub/wire";
import { Value } from "@sinclair/typebox/value";
import { describe, expect, it } from "vitest";
import { AgreementEventSchema } from "../../src/api/agreement-event-schema.ts";
import { BankOperationEventSchema } from "../../src/api/bank-operation-event-schema.ts";
import { newBankOperation } from "../../src/app/payments/new-bank-operation.ts";
import { agreementUnsignedEvent } from "../../src/domain/agreements/agreement-event.ts";
import { bankOperationEvent } from "../../src/domain/bank-operations/bank-operation-event.ts";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, useApiHarness } from "./api-harness.ts";
import { onboardParticipant } from "./participant-client.ts";

const signing = {
  id: "ag-1",
  bankId: "bank-a",
  customer: {
    holderName: "Li Wei",
    accountNumber: "6222020000000001",
    idType: "resident_id",
    idNumber: "11010119900307001X",
    mobile: "+8613800000001",
  },
  authenticationFactors: 2,
  digitalCertificate: false,
};

describeEachBackend("agreement routes", (backend) => {
  const api = useApiHarness(backend);

  it("refuses malformed customers, pointing at the field, and writes nothing", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    await onboardParticipant(api, "bank-a", "bank");
    const { accountNumber: _, ...noAccount } = signing.customer;
    const neither = await wallet.call("POST", "/v1/agreements", {
      ...signing,
      customer: noAccount,
    });
    expectProblem(neither, 422, "account_or_card_required");
    const badMobile = await wallet.call("POST", "/v1/agreements", {
      ...signing,
      customer: { ...signing.customer, mobile: "12" },
    });
    expect(expectProblem(badMobile, 422, "mobile_number_invalid").errors).toEqual([
      { pointer: "/customer/mobile", code: "mobile_number_invalid" },
    ]);
    const badCard = await wallet.call("POST", "/v1/agreements", {
      ...signing,
      customer: { ...noAccount, cardNumber: "4242424242424241" },
    });
    expectProblem(badCard, 422, "card_number_check_digit_invalid");
    expectProblem(await wallet.call("GET", "/v1/agreements/ag-1"), 404, "agreement_not_found");
  });

  it("refuses a bank that is not one, and a bank with no endpoint without sending anything", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    await onboardParticipant(api, "bank-a", "bank");
    await onboardParticipant(api, "wallet-b", "payment_institution");
    const notBank = await wallet.call("POST", "/v1/agreements", { ...signing, bankId: "wallet-b" });
    expectProblem(notBank, 422, "bank_not_found");
    const noEndpoint = await wallet.call("POST", "/v1/agreements", signing);
    expectProblem(noEndpoint, 503, "bank_unavailable");
    expect(await api.hub.agreementStore.find("wallet-a", "ag-1")).toBeUndefined();
  });

  it("answers confirm and unsign only for the caller's own agreements in the right state", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const confirm = await wallet.call("POST", "/v1/agreements/ag-9/confirm", { otp: "123456" });
    expectProblem(confirm, 404, "agreement_not_found");
    expectProblem(
      await wallet.call("POST", "/v1/agreements/ag-9/unsign"),
      404,
      "agreement_not_found",
    );
    const page = await wallet.call("GET", "/v1/agreements?limit=5");
    expect(page.json()).toEqual({ agreements: [], next: null });
    expectProblem(await wallet.call("GET", "/v1/agreements?cursor=%21"), 400, "cursor_invalid");
  });

  it("answers a bank's notice 204, applies it once, and ignores one for an unknown agreement", async () => {
    const bank = await onboardParticipant(api, "bank-a", "bank");
    const notice = {
      noticeId: "n-1",
      agreementNumber: "AGR-404",
      paymentInstitutionId: "wallet-a",
      unsignedAt: "2026-01-01T00:00:00Z",
      reason: "account_closed",
    };
    expect((await bank.call("POST", "/v1/bank-notices/unsigned", notice)).statusCode).toBe(204);
    expect((await bank.call("POST", "/v1/bank-notices/unsigned", notice)).statusCode).toBe(204);
    expect(await api.hub.agreementStore.noticeSeen("bank-a", "n-1")).toBe(true);
    const malformed = await bank.call("POST", "/v1/bank-notices/unsigned", {
      ...notice,
      reason: "x",
    });
    expectProblem(malformed, 400, "request_invalid");
  });
});

describe("agreement webhooks", () => {
  const api = useApiHarness("sqlite");

  it("can be subscribed to", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const registered = await wallet.call("POST", "/v1/webhook-endpoints", {
      id: "main",
      url: "https://wallet.example/hooks",
      eventTypes: ["agreement.unsigned"],
    });
    expect(registered.statusCode, registered.body).toBe(201);
  });
});

registerStringFormats();

describe("the agreement event", () => {
  it("matches the schema the OpenAPI document publishes", () => {
    const event = agreementUnsignedEvent({
      id: "ag-1",
      paymentInstitutionId: "wallet-a",
      bankId: "bank-a",
      state: "unsigned",
      pinnedEndpointId: "main",
      signRequestId: "sr-1",
      bankSignRequestId: "b-1",
      risk: { authenticationFactors: 2, digitalCertificate: false },
      requestHash: "h",
      sealedCustomer: "s",
      maskedCustomer: {
        holderName: "Li Wei",
        accountNumber: "****0001",
        idType: "resident_id",
        idNumber: "1****1X",
        mobile: "****0001",
      },
      agreementNumber: "AGR-1",
      otpExpiresAt: 1,
      failureCode: null,
      failureText: null,
      unsignedBy: "bank",
      createdAt: 1,
      updatedAt: 2,
      signedAt: 1,
      unsignedAt: 2,
    });
    expect([...Value.Errors(AgreementEventSchema, JSON.parse(event.payload))]).toEqual([]);
    expect(JSON.parse(event.payload).id).toBe(event.id);
  });
});

describeEachBackend("agreement payment routes", (backend) => {
  const api = useApiHarness(backend);

  it("refuses a payment the agreement cannot carry, documented, and writes nothing", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const pay = (body: Record<string, unknown>) =>
      wallet.call("POST", "/v1/agreement-payments", {
        id: "p-1",
        agreementId: "ag-1",
        amount: "1.00",
        currency: "CNY",
        ...body,
      });
    expectProblem(await pay({}), 404, "agreement_not_found");
    expectProblem(await pay({ amount: "1.001" }), 422, "amount_too_precise");
    expectProblem(await pay({ currency: "XYZ" }), 422, "currency_unknown");
    expectProblem(
      await wallet.call("GET", "/v1/agreement-payments/p-1"),
      404,
      "bank_operation_not_found",
    );
    expect(await api.hub.bankOperationStore.find("wallet-a", "p-1")).toBeUndefined();
  });

  it("answers a bank's result notice for a transaction it did not send 204", async () => {
    const bank = await onboardParticipant(api, "bank-a", "bank");
    const notice = {
      noticeId: "n-9",
      operation: "debit",
      result: {
        transactionId: "tx-none",
        status: "failed",
        reasonCode: "declined",
        reasonText: "no",
      },
    };
    const answer = await bank.call("POST", "/v1/bank-notices/transaction-results", notice);
    expect(answer.statusCode, answer.body).toBe(204);
    expect(await api.hub.agreementStore.noticeSeen("bank-a", "n-9")).toBe(true);
  });
});

describeEachBackend("payout and refund routes", (backend) => {
  const api = useApiHarness(backend);

  it("fails a payout past the institution's cap with exceeds_net_debit_cap before any bank call", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution", "10.00");
    await onboardParticipant(api, "bank-a", "bank");
    const balances = await api.hub.ledgerStore.readAllAccounts();
    const payout = {
      id: "po-1",
      amount: "10.01",
      currency: "EUR",
      creditor: { bankId: "bank-a", name: "Li Wei", accountNumber: "6222020000000001" },
    };
    const answered = await wallet.call("POST", "/v1/payouts", payout);
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toMatchObject({
      id: "po-1",
      state: "failed",
      failure: { code: "exceeds_net_debit_cap" },
    });
    // Nothing moved in the ledger, and no bank was called (bank-a has no endpoint to call).
    expect(await api.hub.ledgerStore.readAllAccounts()).toEqual(balances);
    expect(await api.hub.database.kysely.selectFrom("bank_calls").selectAll().execute()).toEqual(
      [],
    );
    // A retry answers the same failure; it does not try again.
    const again = await wallet.call("POST", "/v1/payouts", payout);
    expect(again.json()).toMatchObject({
      state: "failed",
      failure: { code: "exceeds_net_debit_cap" },
    });
  });

  it("refuses what names no account, no payment, or one that cannot be refunded", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const payout = { id: "po-1", amount: "1.00", currency: "CNY" };
    expectProblem(
      await wallet.call("POST", "/v1/payouts", payout),
      422,
      "payout_creditor_required",
    );
    const both = await wallet.call("POST", "/v1/payouts", {
      ...payout,
      agreementId: "ag-1",
      creditor: { bankId: "bank-a", name: "Li Wei", accountNumber: "6222020000000001" },
    });
    expectProblem(both, 422, "payout_creditor_required");
    const badAccount = await wallet.call("POST", "/v1/payouts", {
      ...payout,
      creditor: { bankId: "bank-a", name: "Li Wei", accountNumber: "12" },
    });
    expectProblem(badAccount, 422, "bank_account_number_invalid");
    const noBank = await wallet.call("POST", "/v1/payouts", {
      ...payout,
      creditor: { bankId: "bank-a", name: "Li Wei", accountNumber: "6222020000000001" },
    });
    expectProblem(noBank, 422, "bank_not_found");
    const noAgreement = await wallet.call("POST", "/v1/payouts", {
      ...payout,
      agreementId: "ag-1",
    });
    expectProblem(noAgreement, 404, "agreement_not_found");
    const refund = { id: "rf-1", paymentId: "p-1", amount: "1.00", currency: "CNY" };
    expectProblem(
      await wallet.call("POST", "/v1/refunds", refund),
      404,
      "bank_operation_not_found",
    );
    expectProblem(await wallet.call("GET", "/v1/payouts/po-1"), 404, "bank_operation_not_found");
    await onboardParticipant(api, "bank-b", "bank");
    await api.hub.bankOperationStore.insert(
      newBankOperation(
        {
          paymentInstitutionId: "wallet-a",
          id: "p-failed",
          kind: "debit",
          bankId: "bank-b",
          agreementId: "ag-1",
          originalId: null,
          amountMinor: 100n,
          currency: "CNY",
          requestHash: "h",
        },
        1,
        1,
      ),
    );
    const notSucceeded = await wallet.call("POST", "/v1/refunds", {
      ...refund,
      paymentId: "p-failed",
    });
    expectProblem(notSucceeded, 409, "payment_not_refundable");
    expectProblem(await wallet.call("GET", "/v1/refunds/rf-1"), 404, "bank_operation_not_found");
  });
});

describe("the bank operation events", () => {
  it.each([
    ["debit", "succeeded", "payment.succeeded"],
    ["credit", "failed", "payout.failed"],
    ["refund", "succeeded", "refund.succeeded"],
  ] as const)("a %s that %s raises %s, matching the published schema", (kind, state, type) => {
    const event = bankOperationEvent({
      paymentInstitutionId: "wallet-a",
      id: "op-1",
      kind,
      bankId: "bank-a",
      agreementId: kind === "credit" ? null : "ag-1",
      originalId: kind === "refund" ? "pay-1" : null,
      amountMinor: 12_345n,
      feeMinor: 25n,
      currency: "CNY",
      transactionId: "tx-1",
      state,
      requestHash: "h",
      failureCode: state === "failed" ? "account_closed" : null,
      failureText: state === "failed" ? "closed" : null,
      bankReference: state === "succeeded" ? "ref-1" : null,
      sealedCreditor: null,
      maskedCreditor: null,
      createdAt: 1,
      updatedAt: 2,
      completedAt: 2,
      nextInquiryAt: 0,
      inquiries: 0,
    });
    const payload = JSON.parse(event.payload);
    expect(event.type).toBe(type);
    expect([...Value.Errors(BankOperationEventSchema, payload)]).toEqual([]);
    expect(payload.data.amount).toBe("123.45");
  });
});

describeEachBackend("payments by a suspended institution", (backend) => {
  const api = useApiHarness(backend);

  it("are refused 409 participant_inactive as its transfers are, recording nothing, the ids left free", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    await onboardParticipant(api, "bank-b", "bank");
    const status = (value: string) =>
      api.call("POST", "/operator/v1/participants/wallet-a/status", { status: value });
    expect((await status("suspended")).statusCode).toBe(200);
    const attempts = [
      ["/v1/transfers", { id: "t-1", payee: "bank-b", amount: "1.00", currency: "EUR" }],
      [
        "/v1/agreement-payments",
        { id: "p-1", agreementId: "ag-1", amount: "1.00", currency: "CNY" },
      ],
      [
        "/v1/payouts",
        {
          id: "po-1",
          amount: "1.00",
          currency: "CNY",
          creditor: { bankId: "bank-b", name: "Li Wei", accountNumber: "6222020000000001" },
        },
      ],
      ["/v1/refunds", { id: "rf-1", paymentId: "p-0", amount: "1.00", currency: "CNY" }],
    ] as const;
    for (const [path, body] of attempts) {
      expectProblem(await wallet.call("POST", path, body), 409, "participant_inactive");
    }
    for (const id of ["p-1", "po-1", "rf-1"]) {
      expect(await api.hub.bankOperationStore.find("wallet-a", id)).toBeUndefined();
    }
    expect((await status("active")).statusCode).toBe(200);
    const [, payment] = attempts[1];
    expectProblem(
      await wallet.call("POST", "/v1/agreement-payments", payment),
      404,
      "agreement_not_found",
    );
  });
});
