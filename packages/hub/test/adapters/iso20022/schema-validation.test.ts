import { describe, expect, it } from "vitest";
import {
  validateAgainstSchema,
  validateAllAgainstSchema,
} from "../../../src/adapters/iso20022/schema-validation.ts";

const pacs009 = (transaction: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.09">
  <FICdtTrf>
    <GrpHdr>
      <MsgId>M1</MsgId>
      <CreDtTm>2026-12-07T10:30:00Z</CreDtTm>
      <NbOfTxs>1</NbOfTxs>
      <SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf>
    </GrpHdr>
    <CdtTrfTxInf>${transaction}</CdtTrfTxInf>
  </FICdtTrf>
</Document>`;

const agents = `<Dbtr><FinInstnId><Nm>A</Nm></FinInstnId></Dbtr><Cdtr><FinInstnId><Nm>B</Nm></FinInstnId></Cdtr>`;

describe("validateAgainstSchema", () => {
  it("accepts a minimal valid pacs.009", async () => {
    const xml = pacs009(
      `<PmtId><EndToEndId>E1</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="EUR">1.00</IntrBkSttlmAmt>${agents}`,
    );
    expect(await validateAgainstSchema(xml, "pacs.009.001.09")).toEqual({ valid: true });
  });

  it("refuses a document missing a required element, naming it", async () => {
    const xml = pacs009(`<PmtId><EndToEndId>E1</EndToEndId></PmtId>${agents}`);
    const result = await validateAgainstSchema(xml, "pacs.009.001.09");
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors.join("\n")).toContain("IntrBkSttlmAmt");
  });

  it("refuses amounts the schema forbids: negative, six decimals, nineteen digits", async () => {
    for (const amount of ["-1.00", "1.000001", "1234567890123456789"]) {
      const xml = pacs009(
        `<PmtId><EndToEndId>E1</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="EUR">${amount}</IntrBkSttlmAmt>${agents}`,
      );
      const result = await validateAgainstSchema(xml, "pacs.009.001.09");
      expect(result.valid, amount).toBe(false);
    }
  });

  it("refuses a valid document of another message", async () => {
    const xml = pacs009(
      `<PmtId><EndToEndId>E1</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="EUR">1.00</IntrBkSttlmAmt>${agents}`,
    );
    expect((await validateAgainstSchema(xml, "camt.053.001.08")).valid).toBe(false);
  });

  it("refuses text that is not well-formed XML", async () => {
    const result = await validateAgainstSchema(
      "<Document><unclosed></Document>",
      "pacs.009.001.09",
    );
    expect(result.valid).toBe(false);
  });

  it("refuses a valid document cut short, as a failed stream leaves it", async () => {
    const xml = pacs009(
      `<PmtId><EndToEndId>E1</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="EUR">1.00</IntrBkSttlmAmt>${agents}`,
    );
    const cut = xml.slice(0, xml.indexOf("</CdtTrfTxInf>"));
    expect((await validateAgainstSchema(cut, "pacs.009.001.09")).valid).toBe(false);
  });

  it("refuses a batch in which one document is invalid, naming it", async () => {
    const valid = pacs009(
      `<PmtId><EndToEndId>E1</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="EUR">1.00</IntrBkSttlmAmt>${agents}`,
    );
    const invalid = pacs009(`<PmtId><EndToEndId>E1</EndToEndId></PmtId>${agents}`);
    expect(await validateAllAgainstSchema([valid, valid], "pacs.009.001.09")).toEqual({
      valid: true,
    });
    const result = await validateAllAgainstSchema([valid, invalid, valid], "pacs.009.001.09");
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors.join("\n")).toContain("document-1.xml");
  });
});
