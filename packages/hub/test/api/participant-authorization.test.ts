import { describe, expect, it } from "vitest";
import { expectProblem, useApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantKindInput } from "./participant-client.ts";

const kinds: readonly ParticipantKindInput[] = ["bank", "payment_institution", "biller"];
const payers: readonly ParticipantKindInput[] = ["bank", "payment_institution"];
const institutions: readonly ParticipantKindInput[] = ["payment_institution"];
const banks: readonly ParticipantKindInput[] = ["bank"];
const billers: readonly ParticipantKindInput[] = ["biller"];

/**
 * Written out by hand, not derived from the permission table, so a change to the table that
 * this list does not repeat fails here. Every participant route must be listed.
 */
const expected: Record<string, readonly ParticipantKindInput[]> = {
  "POST /v1/ping": kinds,
  "GET /v1/accounts": kinds,
  "GET /v1/reconciliation/days/{day}/statement.csv": kinds,
  "GET /v1/reconciliation/days/{day}/statement.xml": kinds,
  "PUT /v1/reconciliation/days/{day}/record": kinds,
  "GET /v1/reconciliation/breaks": kinds,
  "POST /v1/transfers": payers,
  "POST /v1/transfers/bulk": payers,
  "GET /v1/transfers": kinds,
  "GET /v1/transfers/{transferId}": kinds,
  "POST /v1/transfers/{transferId}/commit": payers,
  "POST /v1/transfers/{transferId}/void": payers,
  "POST /v1/webhook-endpoints": kinds,
  "GET /v1/webhook-endpoints": kinds,
  "GET /v1/webhook-endpoints/{endpointId}": kinds,
  "DELETE /v1/webhook-endpoints/{endpointId}": kinds,
  "POST /v1/agreements": institutions,
  "GET /v1/agreements": institutions,
  "GET /v1/agreements/{agreementId}": institutions,
  "POST /v1/agreements/{agreementId}/confirm": institutions,
  "POST /v1/agreements/{agreementId}/unsign": institutions,
  "POST /v1/bank-notices/unsigned": banks,
  "POST /v1/agreement-payments": institutions,
  "GET /v1/agreement-payments/{paymentId}": institutions,
  "POST /v1/bank-notices/transaction-results": banks,
  "POST /v1/payouts": institutions,
  "GET /v1/payouts/{operationId}": institutions,
  "POST /v1/refunds": institutions,
  "GET /v1/refunds/{operationId}": institutions,
  "GET /v1/billers": payers,
  "GET /v1/billers/{billerId}": payers,
  "POST /v1/bill-subscriptions": payers,
  "GET /v1/bill-subscriptions": payers,
  "DELETE /v1/bill-subscriptions/{subscriptionId}": payers,
  "POST /v1/biller-notices/bills": billers,
  "POST /v1/bill-payments": payers,
  "GET /v1/bill-payments/{paymentId}": payers,
  "POST /v1/biller-notices/reversals": billers,
  "POST /v1/bill-inquiries": payers,
  "PUT /v1/merchants/{merchantId}": payers,
  "GET /v1/merchants/{merchantId}": payers,
  "GET /v1/merchants": payers,
  "POST /v1/merchants/{merchantId}/close": payers,
  "GET /v1/merchant-directory/{acquirerId}/{merchantId}": payers,
  "GET /v1/code-prefixes": kinds,
  "POST /v1/qr-payments": payers,
  "POST /v1/code-payments": payers,
  "POST /v1/code-payments/{id}/reversal": payers,
  "POST /v1/wallet-notices/code-payment-outcomes": institutions,
  "GET /v1/barcode-payments/{paymentId}": payers,
  "POST /v1/barcode-payments/{paymentId}/refunds": payers,
  "GET /v1/barcode-refunds/{refundId}": payers,
  "GET /v1/merchants/{merchantId}/orders/{orderReference}/payments": payers,
};

const bodies: Record<string, unknown> = {
  "PUT /v1/merchants/{merchantId}": {
    name: "Tea House",
    merchantCategoryCode: "5814",
    city: "Hangzhou",
    countryCode: "CN",
  },
  "POST /v1/bill-inquiries": {
    billerId: "no-such-biller",
    customerParameters: { accountNumber: "1" },
    initiation: "user",
  },
  "POST /v1/transfers": { id: "m-1", payee: "bank-payee", amount: "1.00", currency: "EUR" },
  "POST /v1/transfers/bulk": {
    transfers: [{ id: "m-2", payee: "bank-payee", amount: "1.00", currency: "EUR" }],
  },
  "POST /v1/webhook-endpoints": {
    id: "main",
    url: "https://participant.example/hooks",
    eventTypes: ["transfer.credited"],
  },
  "POST /v1/agreements/{agreementId}/confirm": { otp: "123456" },
  "POST /v1/agreement-payments": {
    id: "p-1",
    agreementId: "ag-1",
    amount: "1.00",
    currency: "CNY",
  },
  "POST /v1/bank-notices/transaction-results": {
    noticeId: "n-2",
    operation: "debit",
    result: {
      transactionId: "tx-1",
      status: "failed",
      reasonCode: "declined",
      reasonText: "no",
    },
  },
  "POST /v1/bill-payments": {
    id: "bp-1",
    billerId: "no-biller",
    customerParameters: { account_number: "1" },
    amount: "1.00",
    currency: "EUR",
  },
  "POST /v1/biller-notices/reversals": {
    noticeId: "rn-1",
    postingId: "bp-unknown",
    receiptNumber: "R-1",
    amount: "1.00",
    currency: "EUR",
    reasonCode: "customer_request",
    reasonText: "asked",
    reversedAt: "2026-01-01T00:00:00Z",
  },
  "POST /v1/bill-subscriptions": {
    billerId: "caller-biller",
    customerParameters: { accountNumber: "4401234567" },
  },
  "POST /v1/biller-notices/bills": {
    noticeId: "BILL-1",
    kind: "new",
    customerParameters: [{ name: "accountNumber", value: "4401234567" }],
    bill: { billNumber: "B-1", currency: "EUR", amountDue: "1.00", dueDate: "2026-12-20" },
    issuedAt: "2026-12-01T08:00:00Z",
  },
  "POST /v1/bank-notices/unsigned": {
    noticeId: "n-1",
    agreementNumber: "AGR-1",
    paymentInstitutionId: "caller-payment-institution",
    unsignedAt: "2026-01-01T00:00:00Z",
    reason: "customer_request",
  },
};

describe("participant authorisation", () => {
  const api = useApiHarness("sqlite");

  it("lists every participant route in the expectations", async () => {
    const document = api.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/v1/"))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(expected).sort());
  });

  it("answers every route for every kind as the matrix says", async () => {
    await onboardParticipant(api, "bank-payee");
    const callers = await Promise.all(
      kinds.map(async (kind) => ({
        kind,
        client: await onboardParticipant(api, `caller-${kind.replace("_", "-")}`, kind),
      })),
    );
    for (const [route, permitted] of Object.entries(expected)) {
      const [method, template] = route.split(" ") as [string, string];
      const path = template
        .replace("{transferId}", "m-1")
        .replace("{endpointId}", "main")
        .replace("{agreementId}", "ag-1")
        .replace("{paymentId}", "p-1")
        .replace("{operationId}", "p-1")
        .replace("{subscriptionId}", "bs-1")
        .replace("{day}", "2026-01-02")
        .replace("{merchantId}", "store-1")
        .replace("{acquirerId}", "caller-bank");
      for (const { kind, client } of callers) {
        const response = await client.call(
          method as "GET",
          path,
          bodies[route] ?? (method === "POST" ? {} : undefined),
        );
        if (permitted.includes(kind)) {
          expect(response.statusCode, `${kind} ${route}: ${response.body}`).not.toBe(403);
          expect(response.statusCode, `${kind} ${route}: ${response.body}`).toBeLessThan(500);
        } else {
          expectProblem(response, 403, "operation_not_permitted");
        }
      }
    }
  });
});
