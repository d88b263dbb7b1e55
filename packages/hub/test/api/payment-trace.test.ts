/**
 * The trace of a real agreement payment against the bank simulator, over real HTTP: the payment
 * call is dropped by the bank (applied, answer lost), so the operation is unknown until the
 * operator's inquire-now settles it; the trace, found from each id the payment carries, shows
 * the ledger transfers, both calls to the bank, the inquiry and the webhook event.
 */
import type { BankSimulator } from "@clearhub/simulators";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { type AgreementNetwork, openAgreementNetwork } from "./agreement-network.ts";
import { expectProblem } from "./api-harness.ts";
import type { ListeningHub } from "./listening-hub.ts";
import type { ParticipantClient } from "./participant-client.ts";

interface Trace {
  query: string;
  operation: { id: string; state: string; transactionId: string; agreementId: string } | null;
  transfers: { id: string; kind: string; state: string; payerId: string; payeeId: string }[];
  bankCalls: {
    endpointId: string;
    call: string;
    attempt: number;
    outcome: string;
    latencyMs: number;
    at: string;
  }[];
  inquiries: { call: string; outcome: string }[];
  notices: unknown[];
  webhooks: { eventId: string; eventType: string; status: string }[];
  auditEntries: unknown[];
}

describeEachBackend("payment trace", (backend) => {
  let network: AgreementNetwork | undefined;
  let hub: ListeningHub;
  let bank: BankSimulator;
  let wallet: ParticipantClient;

  beforeEach(async () => {
    network = await openAgreementNetwork(backend, "10000.00");
    ({ hub, bank, wallet } = network);
    const webhooks = await wallet.call("POST", "/v1/webhook-endpoints", {
      id: "hooks",
      url: "https://wallet.example/hooks",
      eventTypes: ["payment.succeeded", "payment.failed"],
    });
    expect(webhooks.statusCode, webhooks.body).toBe(201);
  });

  afterEach(async () => {
    await network?.dispose();
    network = undefined;
  });

  const trace = async (id: string): Promise<Trace> => {
    const response = await hub.call("GET", `/operator/v1/traces/${encodeURIComponent(id)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Trace;
  };

  it("follows a payment whose answer was lost and an inquiry settled, from any of its ids", async () => {
    bank.setFaults({ dropRate: 1 });
    const paid = await wallet.call("POST", "/v1/agreement-payments", {
      id: "pay-1",
      agreementId: "ag-1",
      amount: "12.00",
      currency: "CNY",
    });
    expect(paid.json(), paid.body).toMatchObject({ id: "pay-1", state: "unknown" });
    bank.setFaults({ dropRate: 0 });
    const inquired = await hub.call("POST", "/operator/v1/bank-operations/wallet-a/pay-1/inquire");
    expect(inquired.statusCode, inquired.body).toBe(200);
    expect(inquired.json()).toMatchObject({ state: "succeeded" });
    expectProblem(
      await hub.call("POST", "/operator/v1/bank-operations/wallet-a/pay-1/inquire"),
      409,
      "bank_operation_final",
    );

    const byId = await trace("pay-1");
    const transactionId = byId.operation?.transactionId ?? "";
    expect(byId.operation).toMatchObject({ id: "pay-1", state: "succeeded", agreementId: "ag-1" });
    expect(byId.transfers.map((t) => [t.id, t.kind, t.state, t.payerId, t.payeeId])).toEqual([
      [transactionId, "pending", "committed", "bank-a", "wallet-a"],
      [`~commit:${transactionId}`, "commit", "committed", "bank-a", "wallet-a"],
    ]);
    expect(byId.bankCalls.map((c) => [c.endpointId, c.call, c.attempt, c.outcome])).toEqual([
      ["main", "debit", 1, "unknown"],
      ["main", "inquiry", 1, "answered:succeeded"],
    ]);
    for (const call of byId.bankCalls) {
      expect(call.latencyMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(call.at)).not.toBeNaN();
    }
    expect(byId.inquiries.map((c) => c.outcome)).toEqual(["answered:succeeded"]);
    expect(byId.webhooks.map((w) => [w.eventId, w.eventType])).toEqual([
      ["payment.succeeded:wallet-a:pay-1", "payment.succeeded"],
    ]);

    for (const id of [
      transactionId,
      `~commit:${transactionId}`,
      "payment.succeeded:wallet-a:pay-1",
      "ag-1",
    ]) {
      const other = await trace(id);
      expect({ ...other, query: "pay-1" }, id).toEqual(byId);
      expect(other.query).toBe(id);
    }
    expectProblem(
      await hub.call("GET", "/operator/v1/traces/nothing-here"),
      404,
      "trace_not_found",
    );
  });

  it("links the bank's result notice to the transaction it concerns", async () => {
    bank.setFaults({ pendingRate: 1, pendingDelayMs: 0 });
    const paid = await wallet.call("POST", "/v1/agreement-payments", {
      id: "pay-2",
      agreementId: "ag-1",
      amount: "3.00",
      currency: "CNY",
    });
    expect(paid.json()).toMatchObject({ id: "pay-2", state: "pending" });
    // The bank simulator sends its notice on its own schedule: poll until it has arrived.
    const notice = await vi.waitFor(
      async () => {
        const found = await trace("pay-2");
        expect(found.notices.length).toBeGreaterThan(0);
        return found;
      },
      { timeout: 5_000, interval: 50 },
    );
    expect(notice.notices).toEqual([
      expect.objectContaining({ bankId: "bank-a", kind: "transaction_result" }),
    ]);
    const noticeId = (notice.notices[0] as { noticeId: string }).noticeId;
    expect((await trace(noticeId)).operation?.transactionId).toBe(notice.operation?.transactionId);
  });
});
