/**
 * A window's ISO 20022 files from its report: one pacs.009 per instruction in the right
 * direction, one camt.053 per participant that moved, closing at zero once its leg is posted,
 * every document valid against the official schemas.
 */
import { expect, it } from "vitest";
import { validateAllAgainstSchema } from "../../../src/adapters/iso20022/schema-validation.ts";
import { settlementReportXml } from "../../../src/adapters/iso20022/settlement-report-xml.ts";
import type { SettlementReport } from "../../../src/app/settlement/settlement-report.ts";
import { settlementInstructions } from "../../../src/domain/settlement/settlement-instruction.ts";

const window = {
  id: "CNY-7",
  currency: "CNY",
  number: 7,
  state: "pending_settlement" as const,
  startSeq: 10,
  endSeq: 20,
  openedAt: Date.parse("2026-12-07T04:00:00Z"),
  closedAt: Date.parse("2026-12-07T10:00:00Z"),
  closedBy: "schedule",
  settledAt: null,
  abortedAt: null,
  carriedInto: null,
};
const positions = [
  { accountId: 1, participantId: "bank-a", grossSent: 12_345n, grossReceived: 45n, net: -12_300n },
  { accountId: 4, participantId: "wallet-b", grossSent: 0n, grossReceived: 12_000n, net: 12_000n },
  { accountId: 9, participantId: "operator", grossSent: 0n, grossReceived: 300n, net: 300n },
  { accountId: 12, participantId: "bank-c", grossSent: 50n, grossReceived: 50n, net: 0n },
];
const instructions = settlementInstructions(window.id, window.currency, positions);

const report: SettlementReport = {
  window,
  positions,
  instructions,
  legs: [
    {
      windowId: window.id,
      accountId: 1,
      participantId: "bank-a",
      currency: "CNY",
      amount: 12_300n,
      transferId: "st.CNY-7.1",
      state: "posted",
      source: "operator",
      claim: "c-1",
    },
  ],
  shortfalls: [],
  carried: [],
};

it("writes a valid pacs.009 per instruction and camt.053 per participant that moved", async () => {
  const files = settlementReportXml(report, {
    createdAt: Date.parse("2026-12-07T10:05:00Z"),
    timeZone: "Asia/Shanghai",
  });
  const pacs = files.filter((f) => f.name.endsWith(".pacs.009.xml"));
  const camt = files.filter((f) => f.name.endsWith(".camt.053.xml"));
  expect(pacs.map((f) => f.name)).toEqual([
    "CNY-7-bank-a-1.pacs.009.xml",
    "CNY-7-wallet-b-4.pacs.009.xml",
    "CNY-7-operator-9.pacs.009.xml",
  ]);
  expect(camt).toHaveLength(4);
  expect(
    await validateAllAgainstSchema(
      pacs.map((f) => f.xml),
      "pacs.009.001.09",
    ),
  ).toEqual({ valid: true });
  expect(
    await validateAllAgainstSchema(
      camt.map((f) => f.xml),
      "camt.053.001.08",
    ),
  ).toEqual({ valid: true });

  // bank-a pays 123.00: it is the debtor, the hub the creditor, settling on the Shanghai date.
  const payer = pacs[0]?.xml ?? "";
  expect(payer).toContain('<IntrBkSttlmAmt Ccy="CNY">123.00</IntrBkSttlmAmt>');
  expect(payer).toContain("<IntrBkSttlmDt>2026-12-07</IntrBkSttlmDt>");
  expect(payer.indexOf("<MmbId>bank-a</MmbId>")).toBeLessThan(
    payer.indexOf("<MmbId>clearhub</MmbId>"),
  );
  // Its leg is posted: its statement closes at zero.
  const statement = camt.find((f) => f.name.startsWith("CNY-7-bank-a"))?.xml ?? "";
  expect(statement).toMatch(/<Cd>CLBD<\/Cd>[\s\S]*?<Amt Ccy="CNY">0\.00<\/Amt>/);
  // wallet-b's leg is not posted yet: its statement closes at what the window owes it.
  const unpaid = camt.find((f) => f.name.startsWith("CNY-7-wallet-b"))?.xml ?? "";
  expect(unpaid).toMatch(/<Cd>CLBD<\/Cd>[\s\S]*?<Amt Ccy="CNY">120\.00<\/Amt>/);
});

it("refuses to write a file for an open window", () => {
  expect(() =>
    settlementReportXml(
      { ...report, window: { ...window, closedAt: null } },
      { createdAt: 0, timeZone: "UTC" },
    ),
  ).toThrow(/still open/);
});
