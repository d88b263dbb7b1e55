import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type SettlementLegPacs009Input,
  settlementLegEndToEndId,
  writeSettlementLegPacs009,
} from "../../../src/adapters/iso20022/settlement-leg-pacs009.ts";
import { parseAmount } from "../../../src/domain/money/amount.ts";
import { type Currency, findCurrency } from "../../../src/domain/money/currency.ts";
import { elementTexts, expectAllSchemaValid, expectSchemaValid, written } from "./expect-valid.ts";

function currency(code: string): Currency {
  const found = findCurrency(code);
  if (found === undefined) throw new Error(`test currency ${code} is unknown`);
  return found;
}

const eur = currency("EUR");

const leg: SettlementLegPacs009Input = {
  messageId: "pacs009-0001",
  createdAt: Date.UTC(2026, 11, 7, 10, 30),
  clearingSystemId: "CLEARHUB",
  hub: { memberId: "clearhub", name: "clearhub settlement" },
  participant: { memberId: "bank-a", name: "Banque Açores" },
  windowId: "w-2026-12-07-1",
  currency: "EUR",
  netPositionMinor: -150_000n,
  settlementDate: "2026-12-07",
};

/**
 * Written by hand from the pacs.009.001.09 message definition (element order of GroupHeader93,
 * CreditTransferTransaction44 and FinancialInstitutionIdentification18): bank-a is net debit
 * 1,500.00 EUR, so it is the debtor and the hub the creditor.
 */
const expectedLeg = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.09">
  <FICdtTrf>
    <GrpHdr>
      <MsgId>pacs009-0001</MsgId>
      <CreDtTm>2026-12-07T10:30:00.000Z</CreDtTm>
      <NbOfTxs>1</NbOfTxs>
      <SttlmInf>
        <SttlmMtd>CLRG</SttlmMtd>
        <ClrSys>
          <Prtry>CLEARHUB</Prtry>
        </ClrSys>
      </SttlmInf>
    </GrpHdr>
    <CdtTrfTxInf>
      <PmtId>
        <EndToEndId>w-2026-12-07-1/bank-a</EndToEndId>
      </PmtId>
      <IntrBkSttlmAmt Ccy="EUR">1500.00</IntrBkSttlmAmt>
      <IntrBkSttlmDt>2026-12-07</IntrBkSttlmDt>
      <Dbtr>
        <FinInstnId>
          <ClrSysMmbId>
            <ClrSysId>
              <Prtry>CLEARHUB</Prtry>
            </ClrSysId>
            <MmbId>bank-a</MmbId>
          </ClrSysMmbId>
          <Nm>Banque Açores</Nm>
        </FinInstnId>
      </Dbtr>
      <Cdtr>
        <FinInstnId>
          <ClrSysMmbId>
            <ClrSysId>
              <Prtry>CLEARHUB</Prtry>
            </ClrSysId>
            <MmbId>clearhub</MmbId>
          </ClrSysMmbId>
          <Nm>clearhub settlement</Nm>
        </FinInstnId>
      </Cdtr>
    </CdtTrfTxInf>
  </FICdtTrf>
</Document>
`;

function memberIds(xml: string): string[] {
  return elementTexts(xml, "MmbId");
}

describe("writeSettlementLegPacs009", () => {
  it("writes a net debit leg byte for byte as the known answer", async () => {
    const xml = written(writeSettlementLegPacs009(leg));
    expect(xml).toBe(expectedLeg);
    await expectSchemaValid(xml, "pacs.009.001.09");
  });

  it("makes the hub the debtor when the participant is net credit", async () => {
    const xml = written(writeSettlementLegPacs009({ ...leg, netPositionMinor: 150_000n }));
    expect(memberIds(xml)).toEqual(["clearhub", "bank-a"]);
    expect(elementTexts(xml, "IntrBkSttlmAmt")).toEqual(["1500.00"]);
    await expectSchemaValid(xml, "pacs.009.001.09");
  });

  it.each([
    ["JPY", -1_500n, "1500"],
    ["BHD", -1_500n, "1.500"],
    ["BHD", 1n, "0.001"],
    ["EUR", 999_999_999_999_999_999n, "9999999999999999.99"],
  ])("writes %s %s minor units as %s and validates", async (currency, net, text) => {
    const xml = written(writeSettlementLegPacs009({ ...leg, currency, netPositionMinor: net }));
    expect(elementTexts(xml, "IntrBkSttlmAmt")).toEqual([text]);
    expect(xml).toContain(`Ccy="${currency}"`);
    await expectSchemaValid(xml, "pacs.009.001.09");
  });

  it("escapes and keeps non-ASCII participant names, and validates", async () => {
    const name = '支付宝（中国）网络技术有限公司 & <Ödön> "Ltd"';
    const xml = written(
      writeSettlementLegPacs009({ ...leg, participant: { memberId: "alipay", name } }),
    );
    expect(xml).toContain(
      "<Nm>支付宝（中国）网络技术有限公司 &amp; &lt;Ödön&gt; &quot;Ltd&quot;</Nm>",
    );
    await expectSchemaValid(xml, "pacs.009.001.09");
  });

  it("writes one valid leg per participant of a window of many, the legs summing to zero", async () => {
    const nets = Array.from(
      { length: 300 },
      (_, index) => BigInt((index * 7919) % 100_003) - 50_000n,
    );
    nets.push(-nets.reduce((sum, net) => sum + net, 0n));
    const legs = nets.filter((net) => net !== 0n);
    const xmls = legs.map((net, index) =>
      written(
        writeSettlementLegPacs009({
          ...leg,
          messageId: `leg-${index}`,
          participant: { memberId: `pi-${index}`, name: `Participant ${index}` },
          netPositionMinor: net,
        }),
      ),
    );
    await expectAllSchemaValid(xmls, "pacs.009.001.09");
    let paidIn = 0n;
    let paidOut = 0n;
    for (const [index, xml] of xmls.entries()) {
      const amount = parseAmount(elementTexts(xml, "IntrBkSttlmAmt")[0] ?? "", eur);
      if (!amount.ok) throw new Error(`amount of leg ${index} did not parse`);
      if (memberIds(xml)[0] === "clearhub") paidOut += amount.minor;
      else paidIn += amount.minor;
      expect(elementTexts(xml, "EndToEndId")).toEqual([`w-2026-12-07-1/pi-${index}`]);
    }
    expect(legs.length).toBeGreaterThan(290);
    expect(paidIn).toBe(paidOut);
  });

  it("writes every amount exactly: the text parses back to the net's size", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }).filter((net) => net !== 0n),
        fc.constantFrom("EUR", "JPY", "BHD", "CNY"),
        (net, code) => {
          const xml = written(
            writeSettlementLegPacs009({ ...leg, currency: code, netPositionMinor: net }),
          );
          const parsed = parseAmount(elementTexts(xml, "IntrBkSttlmAmt")[0] ?? "", currency(code));
          expect(parsed).toEqual({ ok: true, minor: net < 0n ? -net : net });
        },
      ),
    );
  });

  it.each([
    [{ netPositionMinor: 0n }, "position_flat", "netPositionMinor"],
    [{ currency: "XXX" }, "currency_unknown", "netPositionMinor"],
    [{ netPositionMinor: -(10n ** 18n) }, "amount_out_of_range", "netPositionMinor"],
    [{ settlementDate: "2026-02-30" }, "date_invalid", "settlementDate"],
    [{ messageId: "" }, "text_invalid", "messageId"],
    [{ messageId: "m".repeat(36) }, "text_invalid", "messageId"],
    [{ participant: { memberId: "p".repeat(36) } }, "text_invalid", "participant.memberId"],
    [{ windowId: "w".repeat(30) }, "text_invalid", "windowId"],
    [{ hub: { memberId: "clearhub", name: "n".repeat(141) } }, "text_invalid", "hub.name"],
  ] as const)("refuses %o with %s", (change, code, field) => {
    expect(writeSettlementLegPacs009({ ...leg, ...change })).toEqual({ ok: false, code, field });
  });

  it("counts name length in characters, not UTF-16 units", async () => {
    const name = "𝔘".repeat(140);
    const xml = written(
      writeSettlementLegPacs009({ ...leg, participant: { memberId: "bank-a", name } }),
    );
    await expectSchemaValid(xml, "pacs.009.001.09");
  });

  it("ties the end-to-end id to window and participant", () => {
    expect(settlementLegEndToEndId("w-7", "bank-a")).toBe("w-7/bank-a");
  });
});
