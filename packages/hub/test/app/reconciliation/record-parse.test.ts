/** Reading a participant's record as it streams in: rows, lines, refusals and back-pressure. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseRecord, recordBatchSize } from "../../../src/app/reconciliation/record-parse.ts";
import type { ParticipantRecordRow } from "../../../src/domain/reconciliation/participant-record-row.ts";

const header = "hub_transaction_id,participant_reference,amount,currency,status\r\n";
const row = (i: number) =>
  `t-${i},ref-${i},-1.${String(i % 100).padStart(2, "0")},CNY,completed\r\n`;

describe("parseRecord", () => {
  it("hands on checked rows, numbering lines across quoted newlines and split characters", async () => {
    const text = `${header}t-1,"ref\nwith a newline",2.50,CNY,completed\r\nt-2,参考,-3.00,CNY,failed\r\n`;
    const bytes = Buffer.from(text, "utf8");
    // Cut inside the three bytes of 参, so a chunk ends mid-character.
    const cut = bytes.indexOf(Buffer.from("参", "utf8")) + 1;
    const rows: ParticipantRecordRow[] = [];
    const outcome = await parseRecord(
      (async function* () {
        yield bytes.subarray(0, cut);
        yield bytes.subarray(cut);
      })(),
      async (batch) => {
        rows.push(...batch);
      },
    );
    expect(outcome).toEqual({ rows: 2, malformed: 0, malformedListed: [] });
    expect(rows.map((r) => [r.line, r.participantReference, r.amountMinor])).toEqual([
      [2, "ref\nwith a newline", 250n],
      [4, "参考", -300n],
    ]);
  });

  it("lists a malformed row by its line and hands nothing on", async () => {
    const text = `${header}${row(1)}t-2,ref-2,abc,CNY,completed\r\nt-3,ref-3\r\n`;
    const handed: number[] = [];
    const outcome = await parseRecord(Readable.from([text]), async (batch) => {
      handed.push(batch.length);
    });
    expect(outcome.rows).toBe(3);
    expect(outcome.malformed).toBe(2);
    expect(outcome.malformedListed.map((m) => m.line)).toEqual([3, 4]);
    expect(handed).toEqual([]);
  });

  it("reads no further from the source while a batch is being handed on", async () => {
    const rowsPerChunk = 100;
    const chunks = Math.ceil((recordBatchSize * 3) / rowsPerChunk);
    let pulled = 0;
    async function* source() {
      yield header;
      for (let c = 0; c < chunks; c++) {
        pulled++;
        let text = "";
        for (let i = 0; i < rowsPerChunk; i++) text += row(c * rowsPerChunk + i);
        yield text;
      }
    }
    const pulledAtBatch: number[] = [];
    let handed = 0;
    const outcome = await parseRecord(source(), async (batch) => {
      pulledAtBatch.push(pulled);
      // Let the event loop run freely while the batch "is stored": a reader that is not
      // held back would drain the whole source meanwhile.
      for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
      pulledAtBatch.push(pulled);
      handed += batch.length;
    });
    expect(outcome.rows).toBe(chunks * rowsPerChunk);
    expect(handed).toBe(chunks * rowsPerChunk);
    const [before, after] = pulledAtBatch;
    expect(before).toBeLessThan(chunks);
    // Only the streams' own small buffers are read ahead while the first batch is stored.
    expect((after ?? 0) - (before ?? 0)).toBeLessThan(chunks / 4);
  });
});
