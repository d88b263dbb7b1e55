import { Writable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { EntryTotals } from "../../../src/adapters/iso20022/camt053-statement-parts.ts";
import {
  type DailyStatementCamt053Input,
  type DailyStatementEntry,
  writeDailyStatementCamt053,
} from "../../../src/adapters/iso20022/daily-statement-camt053-stream.ts";
import { validateAgainstSchema } from "../../../src/adapters/iso20022/schema-validation.ts";
import { elementTexts, expectSchemaValid } from "./expect-valid.ts";

const day = Date.UTC(2026, 11, 6);

/** A full collection on demand, so heap figures measure what is live, not garbage not yet swept. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

const header: Omit<DailyStatementCamt053Input, "credits" | "debits" | "closingBalanceMinor"> = {
  messageId: "camt053-2026-12-06-bank-a",
  createdAt: Date.UTC(2026, 11, 7, 1),
  clearingSystemId: "CLEARHUB",
  hub: { memberId: "clearhub", name: "clearhub settlement" },
  participant: { memberId: "bank-a", name: "Banque Açores" },
  positionAccountId: "1042",
  currency: "EUR",
  businessDate: "2026-12-06",
  from: day,
  to: day + 86_400_000,
  openingBalanceMinor: -500n,
};

function entry(index: number, change: Partial<DailyStatementEntry> = {}): DailyStatementEntry {
  return {
    hubTransactionId: `t-${index}`,
    participantReference: `ref-${index}`,
    type: "transfer",
    counterparty: { memberId: "wallet-b", name: "Wallet B" },
    direction: index % 3 === 0 ? "debit" : "credit",
    amountMinor: BigInt(100 + index),
    status: "booked",
    windowId: "w-7",
    acceptedAt: day + index * 1_000,
    bookedAt: day + index * 1_000 + 5,
    ...change,
  };
}

function totals(entries: readonly DailyStatementEntry[]) {
  const of = (direction: DailyStatementEntry["direction"]): EntryTotals => {
    const matching = entries.filter((candidate) => candidate.direction === direction);
    return {
      count: matching.length,
      sumMinor: matching.reduce((sum, e) => sum + e.amountMinor, 0n),
    };
  };
  const credits = of("credit");
  const debits = of("debit");
  const closingBalanceMinor = header.openingBalanceMinor + credits.sumMinor - debits.sumMinor;
  return { ...header, credits, debits, closingBalanceMinor };
}

async function* from(entries: readonly DailyStatementEntry[]): AsyncGenerator<DailyStatementEntry> {
  yield* entries;
}

/** Collects what is written, as a file or an HTTP reply would receive it. */
function collector() {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { out, text: () => Buffer.concat(chunks).toString("utf8") };
}

const variety: DailyStatementEntry[] = [
  entry(0),
  entry(1, { participantReference: undefined, feeMinor: 25n }),
  entry(2, { hubTransactionId: `bp.${"x".repeat(60)}`, participantReference: "r".repeat(128) }),
  entry(3, { status: "pending", counterparty: undefined, windowId: undefined }),
  entry(4, { status: "information", type: "bill_payment", feeMinor: 0n }),
  entry(5, { counterparty: { memberId: "tokyo-bank", name: "東京銀行 & <Co>" } }),
  entry(6, { counterparty: { memberId: `long-${"p".repeat(40)}` } }),
  entry(7, { amountMinor: 0n }),
];

describe("writeDailyStatementCamt053", () => {
  it("writes every kind of entry and validates", async () => {
    const { out, text } = collector();
    const result = await writeDailyStatementCamt053(totals(variety), from(variety), out);
    expect(result).toEqual({ ok: true, entryCount: variety.length });
    const xml = text();
    await expectSchemaValid(xml, "camt.053.001.08");
    expect(elementTexts(xml, "AcctSvcrRef")).toEqual([
      "t-0",
      "t-1",
      "t-3",
      "t-4",
      "t-5",
      "t-6",
      "t-7",
    ]);
    expect(elementTexts(xml, "AcctOwnrTxId")).toEqual([
      "ref-0",
      "ref-3",
      "ref-4",
      "ref-5",
      "ref-6",
      "ref-7",
    ]);
    // Ids longer than ISO's 35 characters travel whole, not cut.
    expect(elementTexts(xml, "AddtlTxInf")).toEqual([
      `hubTransactionId=bp.${"x".repeat(60)}\nparticipantReference=${"r".repeat(128)}`,
      `counterparty=long-${"p".repeat(40)}`,
    ]);
    expect(elementTexts(xml, "Cd").filter((code) => code.length === 4)).toEqual([
      "OPBD",
      "CLBD",
      "BOOK",
      "BOOK",
      "BOOK",
      "PDNG",
      "INFO",
      "BOOK",
      "BOOK",
      "BOOK",
    ]);
    expect(xml).toContain("<Nm>東京銀行 &amp; &lt;Co&gt;</Nm>");
    expect(xml).toMatch(/<Chrgs><Rcrd><Amt Ccy="EUR">0.25<\/Amt><CdtDbtInd>DBIT<\/CdtDbtInd>/);
  });

  it("writes JPY and BHD amounts with their exponents and validates", async () => {
    for (const [currency, text] of [
      ["JPY", "105"],
      ["BHD", "0.105"],
    ] as const) {
      const { out, text: written } = collector();
      const entries = [entry(5)];
      const result = await writeDailyStatementCamt053(
        { ...totals(entries), currency },
        from(entries),
        out,
      );
      expect(result.ok).toBe(true);
      await expectSchemaValid(written(), "camt.053.001.08");
      expect(written()).toContain(`<Amt Ccy="${currency}">${text}</Amt>`);
    }
  });

  it("writes a day without entries and validates", async () => {
    const { out, text } = collector();
    const result = await writeDailyStatementCamt053(totals([]), from([]), out);
    expect(result).toEqual({ ok: true, entryCount: 0 });
    await expectSchemaValid(text(), "camt.053.001.08");
    expect(text()).not.toContain("<Ntry>");
  });

  it("fails the stream when the entries do not add up to the declared totals", async () => {
    const { out, text } = collector();
    const declared = totals(variety.slice(0, 5));
    const result = await writeDailyStatementCamt053(declared, from(variety), out);
    expect(result).toEqual({ ok: false, code: "totals_mismatch", field: "credits" });
    expect(out.destroyed).toBe(true);
    expect((await validateAgainstSchema(text(), "camt.053.001.08")).valid).toBe(false);
  });

  it("fails the stream at an entry it cannot write, naming it", async () => {
    const { out } = collector();
    const entries = [entry(0), entry(1), entry(2, { amountMinor: -1n }), entry(3)];
    const result = await writeDailyStatementCamt053(totals(entries), from(entries), out);
    expect(result).toEqual({
      ok: false,
      code: "amount_out_of_range",
      field: "amountMinor",
      entryIndex: 2,
    });
    expect(out.destroyed).toBe(true);
  });

  it("refuses a header it cannot write before writing anything", async () => {
    const { out, text } = collector();
    const input = { ...totals(variety), businessDate: "2026-13-01" };
    const result = await writeDailyStatementCamt053(input, from(variety), out);
    expect(result).toEqual({ ok: false, code: "date_invalid", field: "businessDate" });
    expect(text()).toBe("");
  });

  it("validates a large streamed statement", async () => {
    const entries = Array.from({ length: 20_000 }, (_, index) => entry(index));
    const { out, text } = collector();
    const result = await writeDailyStatementCamt053(totals(entries), from(entries), out);
    expect(result).toEqual({ ok: true, entryCount: 20_000 });
    await expectSchemaValid(text(), "camt.053.001.08");
  });

  it("streams 200,000 entries in chunks while reading them, with bounded memory", async () => {
    const entryCount = 200_000;
    const declared = {
      credits: { count: 0, sumMinor: 0n },
      debits: { count: 0, sumMinor: 0n },
    };
    for (let index = 0; index < entryCount; index += 1) {
      const side = index % 3 === 0 ? declared.debits : declared.credits;
      side.count += 1;
      side.sumMinor += BigInt(100 + index);
    }
    let produced = 0;
    let heapPeak = 0;
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    // Sampled as rows are read: a writer that kept the document would grow here.
    async function* rows(): AsyncGenerator<DailyStatementEntry> {
      for (; produced < entryCount; produced += 1) {
        if (produced % 10_000 === 0) {
          collectGarbage();
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        }
        yield entry(produced);
      }
    }
    const producedAtWrites: number[] = [];
    let bytes = 0;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        producedAtWrites.push(produced);
        bytes += chunk.length;
        done();
      },
    });
    const input = {
      ...header,
      ...declared,
      closingBalanceMinor:
        header.openingBalanceMinor + declared.credits.sumMinor - declared.debits.sumMinor,
    };
    const result = await writeDailyStatementCamt053(input, rows(), out);
    expect(result).toEqual({ ok: true, entryCount });
    // Holding the document would take its size again in heap; streaming holds a chunk at a time.
    expect(heapPeak - heapBefore).toBeLessThan(16 * 1024 * 1024);
    // The document is over 100 MB; it left in many chunks, the first long before the input ended.
    expect(bytes).toBeGreaterThan(100 * 1024 * 1024);
    expect(producedAtWrites.length).toBeGreaterThan(1_000);
    expect(producedAtWrites[0]).toBeLessThan(1_000);
    // About 15 s alone here; room for a machine shared with the rest of the suite.
  }, 180_000);
});
