/**
 * Daily reconciliation through the SDK against a real hub over HTTP: the participant reads its
 * statement row by row as the hub streams it (the first row arrives while the rest is held
 * back), uploads its own record of the day and gets the match, and sees the breaks it found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ClearhubClient,
  ClearhubProblemError,
  type FetchFunction,
  recordCsv,
  type StatementRow,
} from "../src/index.ts";
import { type HubServer, type OnboardedParticipant, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

const today = () => new Date().toISOString().slice(0, 10);

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/**
 * A fetch that passes the hub's answers on, but holds a statement's bytes after its second line
 * until `release` is called: a client that waited for the whole body would wait for ever.
 */
function gatedFetch(): { fetch: FetchFunction; release: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetch: FetchFunction = async (url, init) => {
    const response = await globalThis.fetch(url, init);
    if (!url.includes("/statement.csv") || response.body === null) return response;
    const reader = response.body.getReader();
    let lines = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const cut = secondLineEnd(value, lines);
        if (cut === undefined) {
          lines += value.filter((byte: number) => byte === 10).length;
          return controller.enqueue(value);
        }
        controller.enqueue(value.subarray(0, cut));
        lines = 2;
        await released;
        controller.enqueue(value.subarray(cut));
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch, release };
}

/** Where, in this chunk, the second line ends (after its LF), when it does. */
function secondLineEnd(chunk: Uint8Array, linesBefore: number): number | undefined {
  if (linesBefore >= 2) return undefined;
  let lines = linesBefore;
  for (const [index, byte] of chunk.entries()) {
    if (byte === 10 && ++lines === 2) return index + 1;
  }
  return undefined;
}

describe("daily reconciliation through the SDK [sqlite]", () => {
  let server: HubServer;
  let wallet: ClearhubClient;
  let participant: OnboardedParticipant;
  const paid: string[] = [];

  beforeAll(async () => {
    server = await startHubServer("sqlite");
    participant = await server.participant("wallet-r");
    wallet = participant.client();
    await server.participant("bank-r", "bank");
    for (const amount of ["12.30", "5.00", "0.75"]) {
      const { transfer } = await wallet.createTransfer({
        payee: "bank-r",
        amount,
        currency: "EUR",
      });
      paid.push(transfer.id);
    }
  });
  afterAll(() => server?.close());

  it("streams the day's statement as the hub writes it, rows parsed as they arrive", async () => {
    const raw = await collect(await wallet.downloadStatement(today()));
    const text = Buffer.concat(raw).toString("utf8");
    const operatorView = await server.call(
      "GET",
      `/operator/v1/participants/wallet-r/reconciliation/days/${today()}/statement.csv`,
    );
    expect(text).toBe(operatorView.body);

    const rows = await collect(wallet.statementRows(today()));
    expect(rows.map((row) => [row.hub_transaction_id, row.amount, row.status])).toEqual([
      [paid[0], "-12.30", "completed"],
      [paid[1], "-5.00", "completed"],
      [paid[2], "-0.75", "completed"],
    ]);
    expect(rows[0]).toMatchObject({ counterparty: "bank-r", currency: "EUR", type: "transfer" });

    const gate = gatedFetch();
    const gated = participant.client({ fetch: gate.fetch });
    const streamed = gated.statementRows(today());
    const first = await streamed.next();
    expect(first.value).toEqual(rows[0]);
    gate.release();
    expect(await collect({ [Symbol.asyncIterator]: () => streamed })).toEqual(rows.slice(1));
  });

  it("uploads the participant's record of the day and answers the match and its breaks", async () => {
    const rows = await collect(wallet.statementRows(today()));
    // Booked the first for 12.40, never booked the last.
    const booked: StatementRow[] = rows
      .slice(0, 2)
      .map((row, index) => (index === 0 ? { ...row, amount: "-12.40" } : row));
    const matched = await wallet.uploadRecord(today(), recordCsv(booked));
    expect(matched).toMatchObject({
      participantId: "wallet-r",
      day: today(),
      hubRows: 3,
      participantRows: 2,
      breaks: { amount_differs: 1, missing_at_participant: 1, duplicate: 0 },
    });
    const { items } = await wallet.listReconciliationBreaks({ day: today(), state: "open" });
    expect(items.map((found) => [found.kind, found.hubTransactionId])).toEqual(
      expect.arrayContaining([
        ["amount_differs", paid[0]],
        ["missing_at_participant", paid[2]],
      ]),
    );
    expect(items).toHaveLength(2);
  });

  it("throws the hub's problems: a malformed record by line, an invalid day", async () => {
    const malformed = await rejection(
      wallet.uploadRecord(
        today(),
        recordCsv([
          { hub_transaction_id: "x", amount: "1.001", currency: "EUR", status: "completed" },
        ]),
      ),
      ClearhubProblemError,
    );
    expect(malformed.code).toBe("record_malformed");
    expect(malformed.errors.map((error) => error.pointer)).toEqual(["/lines/2"]);
    const invalid = await rejection(wallet.downloadStatement("2026-02-30"), ClearhubProblemError);
    expect(invalid.code).toBe("business_day_invalid");
  });
});
