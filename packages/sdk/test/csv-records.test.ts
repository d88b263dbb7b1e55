import { describe, expect, it } from "vitest";
import { csvField, csvRecords } from "../src/csv-records.ts";

async function recordsOf(chunks: readonly string[]): Promise<string[][]> {
  const encoder = new TextEncoder();
  async function* bytes() {
    for (const chunk of chunks) yield encoder.encode(chunk);
  }
  const all: string[][] = [];
  for await (const record of csvRecords(bytes())) all.push(record);
  return all;
}

describe("CSV records read as the bytes arrive", () => {
  const text = 'id,note\r\n1,"say ""hi"", then\r\nleave"\r\n2,\r\n3,é\r\n';
  const expected = [
    ["id", "note"],
    ["1", 'say "hi", then\r\nleave'],
    ["2", ""],
    ["3", "é"],
  ];

  it("reads quoted fields with commas, doubled quotes and line breaks", async () => {
    expect(await recordsOf([text])).toEqual(expected);
  });

  it("reads the same records however the bytes are split, even inside a quote or a character", async () => {
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const decoder = new TextDecoder();
      async function* split() {
        yield bytes.subarray(0, cut);
        yield bytes.subarray(cut);
      }
      const all: string[][] = [];
      for await (const record of csvRecords(split())) all.push(record);
      expect(all, `cut at ${cut}: ${decoder.decode(bytes.subarray(0, cut))}`).toEqual(expected);
    }
  });

  it("keeps a last line without its line break, and refuses a quote left open", async () => {
    expect(await recordsOf(["a,b\r\n1,2"])).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    await expect(recordsOf(['a\r\n"open'])).rejects.toThrow("inside a quoted field");
  });

  it("quotes a field only when it must", () => {
    expect([csvField("plain"), csvField("a,b"), csvField('say "hi"')]).toEqual([
      "plain",
      '"a,b"',
      '"say ""hi"""',
    ]);
  });
});
