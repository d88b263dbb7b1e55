/**
 * Matching a day settles its unknown operations first, by the status inquiry the job makes, to
 * the bank simulator over real HTTP: an agreement payment whose answer the bank dropped is
 * asked about before the match, so the statement and the match see its final outcome and no
 * break. When the bank still does not answer, the payment stays unknown: reported apart by id,
 * never guessed, never a break.
 */
import { signRequest } from "@clearhub/http-signatures";
import type { BankSimulator } from "@clearhub/simulators";
import Papa from "papaparse";
import { afterEach, beforeEach, expect, it } from "vitest";
import {
  businessDayCentredOn,
  businessDayHolding,
} from "../../src/domain/reconciliation/business-day.ts";
import { describeEachBackend } from "../support/backends.ts";
import { type AgreementNetwork, openAgreementNetwork } from "./agreement-network.ts";
import type { ListeningHub } from "./listening-hub.ts";
import { injectedOrigin, type ParticipantClient } from "./participant-client.ts";

const header =
  "hub_transaction_id,participant_reference,type,counterparty,amount,currency,fee,status,window,created_at,updated_at";

/** A cut-off twelve hours from now: the day that holds now holds every transfer of the test. */
const reconciliationDay = businessDayCentredOn(Date.now());
const dayHolding = (instant: number) => businessDayHolding(instant, reconciliationDay);

interface Match {
  hubRows: number;
  participantRows: number;
  breaks: Record<string, number>;
  unknownAtHub: number;
  unknownHubTransactionIds: string[];
  inquiry: { asked: number; settled: number; limit: number; more: boolean };
}

describeEachBackend("reconciliation settles unknown operations first", (backend) => {
  let network: AgreementNetwork;
  let hub: ListeningHub;
  let bank: BankSimulator;
  let wallet: ParticipantClient;

  beforeEach(async () => {
    // The bank drops answers in both tests: a short wait for them keeps the tests quick.
    network = await openAgreementNetwork(backend, "10000.00", {
      hub: { reconciliationDay },
      endpointTimeoutMs: 2_000,
    });
    ({ hub, bank, wallet } = network);
  });

  afterEach(async () => {
    await network?.dispose();
  });

  /** A payment the bank applied but whose answer it dropped: unknown at the hub. */
  async function unknownPayment(): Promise<string> {
    bank.setFaults({ dropRate: 1 });
    const paid = await wallet.call("POST", "/v1/agreement-payments", {
      id: "pay-1",
      agreementId: "ag-1",
      amount: "12.00",
      currency: "CNY",
    });
    expect(paid.json(), paid.body).toMatchObject({ id: "pay-1", state: "unknown" });
    const operation = await hub.hub.bankOperationStore.find("wallet-a", "pay-1");
    return operation?.transactionId as string;
  }

  /** The wallet's signed upload of its record: the payment, as its customer's bank booked it. */
  async function matchRecord(transactionId: string): Promise<Match> {
    const csv = [
      header,
      `${transactionId},pay-1,agreement_payment,bank-a,12.00,CNY,0.00,completed,,,`,
    ].join("\r\n");
    const path = `/v1/reconciliation/days/${dayHolding(Date.now())}/record`;
    const headers = signRequest(
      { method: "PUT", url: `${injectedOrigin}${path}`, headers: {}, body: csv },
      { keyId: wallet.keyId, privateKey: wallet.privateKey },
    );
    const matched = await hub.app.inject({
      method: "PUT",
      url: path,
      headers: { ...headers, "content-type": "text/csv" },
      payload: csv,
    });
    expect(matched.statusCode, matched.body).toBe(200);
    return matched.json() as Match;
  }

  async function statementRows(): Promise<Record<string, string>[]> {
    const day = dayHolding(Date.now());
    const statement = await wallet.call("GET", `/v1/reconciliation/days/${day}/statement.csv`);
    expect(statement.statusCode, statement.body).toBe(200);
    return Papa.parse<Record<string, string>>(statement.body, {
      header: true,
      skipEmptyLines: true,
    }).data;
  }

  it("asks the bank before matching: the row shows the bank's final answer and no break", async () => {
    const transactionId = await unknownPayment();
    expect((await statementRows()).map((row) => row.status)).toEqual(["unknown"]);
    bank.setFaults({ dropRate: 0 });

    const matched = await matchRecord(transactionId);

    expect(matched.inquiry).toEqual({ asked: 1, settled: 1, limit: 200, more: false });
    expect(matched).toMatchObject({ hubRows: 1, participantRows: 1, unknownAtHub: 0 });
    expect(matched.unknownHubTransactionIds).toEqual([]);
    expect(Object.values(matched.breaks).every((n) => n === 0)).toBe(true);
    const [row] = await statementRows();
    expect(row).toMatchObject({
      hub_transaction_id: transactionId,
      participant_reference: "pay-1",
      amount: "12.00",
      status: "completed",
    });
    const operation = await hub.hub.bankOperationStore.find("wallet-a", "pay-1");
    expect(operation?.state).toBe("succeeded");
    const calls = await hub.hub.database.kysely
      .selectFrom("bank_calls")
      .select(["call", "outcome"])
      .orderBy("at")
      .execute();
    expect(calls.map((c) => [c.call, c.outcome])).toEqual([
      ["debit", "unknown"],
      ["inquiry", "answered:succeeded"],
    ]);
  });

  it("reports what the bank still does not answer as unknown: no break, nothing guessed", async () => {
    const transactionId = await unknownPayment();

    const matched = await matchRecord(transactionId);

    expect(matched.inquiry).toEqual({ asked: 1, settled: 0, limit: 200, more: false });
    expect(matched).toMatchObject({ hubRows: 1, participantRows: 1, unknownAtHub: 1 });
    expect(matched.unknownHubTransactionIds).toEqual([transactionId]);
    expect(Object.values(matched.breaks).every((n) => n === 0)).toBe(true);
    expect((await statementRows()).map((row) => row.status)).toEqual(["unknown"]);
    const operation = await hub.hub.bankOperationStore.find("wallet-a", "pay-1");
    expect(operation?.state).toBe("unknown");
  });
});
