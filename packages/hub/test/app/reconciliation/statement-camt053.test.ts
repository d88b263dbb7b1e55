/**
 * The daily statement as ISO 20022 camt.053.001.08: written from the same rows as the CSV, one
 * currency at a time, streamed through the hub's writer, and valid against the official schema.
 */
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import Papa from "papaparse";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hubActor } from "../../../src/domain/audit/audit-actor.ts";
import type { Participant } from "../../../src/domain/participant/participant.ts";
import {
  businessDayCentredOn,
  businessDayHolding,
} from "../../../src/domain/reconciliation/business-day.ts";
import { elementTexts, expectSchemaValid } from "../../adapters/iso20022/expect-valid.ts";
import { describeEachBackend } from "../../support/backends.ts";
import { openTestHub, type TestHub } from "../../support/test-hub.ts";

/** A cut-off twelve hours from now: the day that holds now holds every transfer of the test. */
const reconciliationDay = businessDayCentredOn(Date.now());
const dayHolding = (instant: number) => businessDayHolding(instant, reconciliationDay);

async function text(stream: Readable): Promise<string> {
  let all = "";
  for await (const chunk of stream) all += String(chunk);
  return all;
}

describeEachBackend("daily statement as camt.053", (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await openTestHub(backend, { reconciliationDay });
  });
  afterAll(() => t.dispose());

  async function register(id: string): Promise<Participant> {
    const registered = await t.hub.participants.register(
      {
        id,
        name: id,
        kind: "bank",
        currencies: [
          { currency: "CNY", netDebitCap: 10n ** 9n },
          { currency: "EUR", netDebitCap: 10n ** 9n },
        ],
      },
      hubActor,
    );
    if (!registered.ok) throw new Error(registered.code);
    return registered.value;
  }

  async function transfer(
    payer: Participant,
    id: string,
    payeeId: string,
    amount: bigint,
    currency: string,
    reserveForMs?: number,
  ) {
    const [created] = await t.hub.participantTransfers.create(payer, [
      {
        id,
        payeeId,
        amount,
        currency,
        ...(reserveForMs === undefined ? {} : { reserveForMs }),
        requestHash: createHash("sha256").update(id).digest("hex"),
      },
    ]);
    expect(created?.ok).toBe(true);
  }

  it("holds the CSV's rows of the currency and validates against the schema", async () => {
    const self = await register("camt-self");
    const other = await register("camt-other");
    await transfer(self, "s-1", other.id, 250n, "CNY");
    await transfer(other, "s-2", self.id, 100n, "CNY");
    await transfer(self, "s-3", other.id, 40n, "CNY", 60_000);
    await transfer(self, "s-eur", other.id, 999n, "EUR");
    const day = dayHolding(Date.now());

    const csv = await t.hub.reconciliation.statementDocument(self.id, day, "csv");
    if (!csv.ok) throw new Error(csv.code);
    const rows = Papa.parse<Record<string, string>>(await text(csv.value), {
      header: true,
      skipEmptyLines: true,
    }).data.filter((row) => row.currency === "CNY");
    expect(rows.map((row) => [row.hub_transaction_id, row.amount, row.status])).toEqual([
      ["s-1", "-2.50", "completed"],
      ["s-2", "1.00", "completed"],
      ["s-3", "-0.40", "pending"],
    ]);

    let counted = 0;
    const camt = await t.hub.reconciliation.statementDocument(
      self.id,
      day,
      "camt053",
      "CNY",
      (rowsRead) => {
        counted = rowsRead;
      },
    );
    if (!camt.ok) throw new Error(camt.code);
    const xml = await text(camt.value);
    await expectSchemaValid(xml, "camt.053.001.08");
    expect(counted).toBe(3);
    expect(elementTexts(xml, "AcctSvcrRef")).toEqual(rows.map((row) => row.hub_transaction_id));
    expect(elementTexts(xml, "AcctOwnrTxId")).toEqual(rows.map((row) => row.participant_reference));
    // Each entry's amount twice (the entry's and its transaction's), unsigned, after the header.
    const amounts = elementTexts(xml, "Amt").slice(-6);
    expect(amounts).toEqual(["2.50", "2.50", "1.00", "1.00", "0.40", "0.40"]);
    expect(elementTexts(xml, "Cd").filter((code) => ["BOOK", "PDNG"].includes(code))).toEqual([
      "BOOK",
      "BOOK",
      "PDNG",
    ]);
    // The day opens the participant's history; only completed rows are booked: -2.50 + 1.00.
    expect(xml).toContain(`<Ccy>CNY</Ccy>`);
    expect(xml).not.toContain("s-eur");
    const balances = xml.match(/<Bal>.*?<\/Bal>/g) ?? [];
    expect(balances).toHaveLength(2);
    expect(balances[0]).toContain("<Cd>OPBD</Cd>");
    expect(balances[0]).toContain(">0.00</Amt>");
    expect(balances[1]).toContain("<Cd>CLBD</Cd>");
    expect(balances[1]).toContain(">1.50</Amt><CdtDbtInd>DBIT</CdtDbtInd>");
    expect(xml).toContain(`<MsgId>${day}/CNY/camt-self</MsgId>`);

    expect(await t.hub.reconciliation.statementDocument(self.id, day, "camt053")).toMatchObject({
      ok: false,
      code: "statement_currency_required",
    });
    expect(
      await t.hub.reconciliation.statementDocument(self.id, day, "camt053", "USD"),
    ).toMatchObject({ ok: false, code: "statement_currency_not_held" });
  });
});
