import { describe, expect, it } from "vitest";
import {
  type WindowStatementCamt053Input,
  writeWindowStatementCamt053,
} from "../../../src/adapters/iso20022/window-statement-camt053.ts";
import { elementTexts, expectAllSchemaValid, expectSchemaValid, written } from "./expect-valid.ts";

const statement: WindowStatementCamt053Input = {
  messageId: "camt053-w7-bank-a",
  createdAt: Date.UTC(2026, 11, 7, 12, 0, 5),
  clearingSystemId: "CLEARHUB",
  hub: { memberId: "clearhub", name: "clearhub settlement" },
  participant: { memberId: "bank-a", name: "Banque Açores" },
  positionAccountId: "1042",
  currency: "EUR",
  windowId: "w-7",
  openedAt: Date.UTC(2026, 11, 7, 8),
  closedAt: Date.UTC(2026, 11, 7, 12),
  settlementDate: "2026-12-07",
  openingBalanceMinor: 0n,
  received: { transferCount: 120, sumMinor: 350_000n },
  sent: { transferCount: 80, sumMinor: 500_000n },
  settlementLeg: { positionCreditMinor: 150_000n, bookedAt: Date.UTC(2026, 11, 7, 12, 0, 4) },
};

/** The balance of each Bal in order, as a signed decimal ("-1500.00" for a debit). */
function balances(xml: string): string[] {
  const amounts = [
    ...xml.matchAll(
      /<Bal>[\s\S]*?<Amt Ccy="[A-Z]{3}">([^<]*)<\/Amt>\s*<CdtDbtInd>([A-Z]{4})<\/CdtDbtInd>/g,
    ),
  ];
  return amounts.map(([, amount, indicator]) =>
    indicator === "DBIT" ? `-${amount}` : `${amount}`,
  );
}

describe("writeWindowStatementCamt053", () => {
  it("summarises a window in batch entries and the settlement leg, and validates", async () => {
    const xml = written(writeWindowStatementCamt053(statement));
    await expectSchemaValid(xml, "camt.053.001.08");
    expect(elementTexts(xml, "Cd")).toEqual([
      "OPBD",
      "CLBD",
      "BOOK",
      "WINDOW-RECEIVED",
      "BOOK",
      "WINDOW-SENT",
      "BOOK",
      "SETTLEMENT",
    ]);
    // Received 3,500.00, sent 5,000.00: net −1,500.00, which the leg pays back in.
    expect(balances(xml)).toEqual(["0.00", "0.00"]);
    expect(elementTexts(xml, "NbOfTxs")).toEqual(["120", "80"]);
    expect(elementTexts(xml, "NbOfNtries")).toEqual(["3", "2", "1"]);
    expect(elementTexts(xml, "Sum")).toEqual(["10000.00", "5000.00", "5000.00"]);
    expect(elementTexts(xml, "EndToEndId")).toEqual(["w-7/bank-a"]);
    expect(elementTexts(xml, "Id")[0]).toBe("w-7/bank-a");
  });

  it("shows a negative net without its leg as a debit closing balance", async () => {
    const xml = written(writeWindowStatementCamt053({ ...statement, settlementLeg: undefined }));
    await expectSchemaValid(xml, "camt.053.001.08");
    expect(balances(xml)).toEqual(["0.00", "-1500.00"]);
    expect(xml).toMatch(/<TtlNetNtry>\s*<Amt>1500.00<\/Amt>\s*<CdtDbtInd>DBIT<\/CdtDbtInd>/);
  });

  it("writes batch entries without a transfer count when the caller has only sums", async () => {
    const xml = written(
      writeWindowStatementCamt053({
        ...statement,
        received: { sumMinor: 350_000n },
        sent: { sumMinor: 500_000n },
      }),
    );
    await expectSchemaValid(xml, "camt.053.001.08");
    expect(elementTexts(xml, "NbOfTxs")).toEqual([]);
    expect(elementTexts(xml, "TtlAmt")).toEqual(["3500.00", "5000.00"]);
    expect(balances(xml)).toEqual(["0.00", "0.00"]);
  });

  it("writes an empty window with zero balances and no entries, and validates", async () => {
    const xml = written(
      writeWindowStatementCamt053({
        ...statement,
        received: { transferCount: 0, sumMinor: 0n },
        sent: { transferCount: 0, sumMinor: 0n },
        settlementLeg: undefined,
      }),
    );
    await expectSchemaValid(xml, "camt.053.001.08");
    expect(xml).not.toContain("<Ntry>");
    expect(balances(xml)).toEqual(["0.00", "0.00"]);
    expect(elementTexts(xml, "NbOfNtries")).toEqual(["0", "0", "0"]);
  });

  it("writes JPY with no decimals and BHD with three, carried opening balances, and validates", async () => {
    const jpy = written(
      writeWindowStatementCamt053({
        ...statement,
        currency: "JPY",
        openingBalanceMinor: -2_000n,
        settlementLeg: { positionCreditMinor: -5n, bookedAt: statement.closedAt },
      }),
    );
    expect(balances(jpy)).toEqual(["-2000", "-152005"]);
    const bhd = written(
      writeWindowStatementCamt053({ ...statement, currency: "BHD", openingBalanceMinor: 7n }),
    );
    expect(balances(bhd)).toEqual(["0.007", "0.007"]);
    await expectAllSchemaValid([jpy, bhd], "camt.053.001.08");
  });

  it("writes a valid statement for each of many participants, non-ASCII names included", async () => {
    const names = ["Банк Восток", "東京銀行", "محفظة", "Zürich Pay", "ok"];
    const xmls = Array.from({ length: 200 }, (_, index) =>
      written(
        writeWindowStatementCamt053({
          ...statement,
          messageId: `camt053-${index}`,
          participant: { memberId: `pi-${index}`, name: names[index % names.length] },
          positionAccountId: String(1000 + index),
          received: { transferCount: index, sumMinor: BigInt(index * 1_001) },
          sent: { transferCount: index % 3, sumMinor: BigInt((index % 3) * 77) },
          settlementLeg: undefined,
        }),
      ),
    );
    await expectAllSchemaValid(xmls, "camt.053.001.08");
  });

  it.each([
    [
      { settlementLeg: { positionCreditMinor: 0n, bookedAt: 0 } },
      "position_flat",
      "settlementLeg.positionCreditMinor",
    ],
    [{ windowId: "w".repeat(30) }, "text_invalid", "windowId"],
    [{ positionAccountId: "9".repeat(35) }, "text_invalid", "positionAccountId"],
    [{ currency: "ZZZ" }, "currency_unknown", "openingBalanceMinor"],
    [{ openingBalanceMinor: 10n ** 18n }, "amount_out_of_range", "openingBalanceMinor"],
    [{ received: { transferCount: -1, sumMinor: 0n } }, "amount_out_of_range", "received"],
    [{ received: { transferCount: 0, sumMinor: 5n } }, "amount_out_of_range", "received"],
    [{ sent: { transferCount: 1.5, sumMinor: 5n } }, "amount_out_of_range", "sent"],
    [{ sent: { transferCount: 1, sumMinor: -5n } }, "amount_out_of_range", "sent"],
    [{ sent: { sumMinor: -5n } }, "amount_out_of_range", "sent"],
    [{ settlementDate: "7 Dec 2026" }, "date_invalid", "settlementDate"],
  ] as const)("refuses %o with %s", (change, code, field) => {
    expect(writeWindowStatementCamt053({ ...statement, ...change })).toEqual({
      ok: false,
      code,
      field,
    });
  });
});
