/**
 * The rendered images scan back to the payload: the PNG read by jsQR, the SVG rasterised by
 * resvg and read the same way, and the terminal's half-block text turned back into modules.
 */
import { Resvg } from "@resvg/resvg-js";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { expect, it } from "vitest";
import { renderQrPng, renderQrSvg, renderQrTerminal } from "../../../src/adapters/qr/qr-image.ts";
import { decodeMerchantPresentedCode } from "../../../src/domain/barcode/merchant-presented-code.ts";
import { encodeMerchantPresentedCode } from "../../../src/domain/barcode/merchant-presented-encoding.ts";
import { publishedPayloads } from "../../domain/barcode/published-payloads.ts";

function payloadFor(): string {
  const result = encodeMerchantPresentedCode({
    initiation: "dynamic",
    acquirerId: "acquirer-a",
    merchantId: "M-0001",
    merchantCategoryCode: "5411",
    currency: "CNY",
    amount: "12.30",
    countryCode: "CN",
    merchantName: "Corner Grocery",
    merchantCity: "Shanghai",
    reference: "ORDER-42",
    expiresAt: Date.UTC(2027, 0, 1),
    alternateLanguage: { language: "ZH", merchantName: "街角杂货店", merchantCity: "上海" },
  });
  if (!result.ok) throw new Error(result.problem);
  return result.payload;
}

// jsqr's types declare an ES default export over a CommonJS bundle; under NodeNext the default
// import is the module object, whose `default` is the function (the bundle sets both).
const jsQR = jsQRModule.default;

function scanPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data;
}

it("reads a rendered PNG back to the same payload, Chinese characters included", async () => {
  const payload = payloadFor();
  const png = await renderQrPng(payload);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(scanPng(png)).toBe(payload);
  expect(decodeMerchantPresentedCode(scanPng(png) ?? "")).toMatchObject({
    ok: true,
    code: { amount: "12.30", reference: "ORDER-42" },
  });
});

it("reads the published EMVCo example back from a PNG", async () => {
  const png = await renderQrPng(publishedPayloads.emvcoAnnex, { modulePixels: 6 });
  expect(scanPng(png)).toBe(publishedPayloads.emvcoAnnex);
});

it("reads a rendered SVG back once rasterised", async () => {
  const payload = payloadFor();
  const svg = await renderQrSvg(payload);
  expect(svg).toMatch(/^<svg /);
  const png = new Resvg(svg, { fitTo: { mode: "width", value: 600 }, background: "white" })
    .render()
    .asPng();
  expect(scanPng(png)).toBe(payload);
});

/**
 * Dark modules of the half-block text: "█" both, "▀" the upper, "▄" the lower, drawn in black.
 * The renderer draws the quiet zone's edge half-blocks in white over the terminal's own
 * background, so a block is dark only when the foreground colour in force is black (30).
 */
const escapeCharacter = String.fromCharCode(27);

function terminalRows(text: string): boolean[][] {
  const rows: boolean[][] = [];
  let foregroundBlack = false;
  for (const line of text.split("\n")) {
    const upper: boolean[] = [];
    const lower: boolean[] = [];
    // Each escape-separated segment opens with its colour code ("[30m"), then characters.
    for (const [index, segment] of line.split(escapeCharacter).entries()) {
      const colour = index === 0 ? null : /^\[([0-9]+)m/u.exec(segment);
      if (colour?.[1] === "30") foregroundBlack = true;
      if (colour?.[1] === "37" || colour?.[1] === "0") foregroundBlack = false;
      for (const char of segment.slice(colour?.[0].length ?? 0)) {
        upper.push(foregroundBlack && (char === "█" || char === "▀"));
        lower.push(foregroundBlack && (char === "█" || char === "▄"));
      }
    }
    if (upper.length > 0) rows.push(upper, lower);
  }
  return rows;
}

function terminalToPng(text: string, modulePixels = 6): Buffer {
  const rows = terminalRows(text);
  const columns = Math.max(...rows.map((row) => row.length));
  // A wide quiet zone around it, as a phone would see the screen.
  const margin = 4;
  const width = (columns + 2 * margin) * modulePixels;
  const height = (rows.length + 2 * margin) * modulePixels;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const row = rows[Math.floor(y / modulePixels) - margin];
      const dark = row?.[Math.floor(x / modulePixels) - margin] === true;
      const at = (y * width + x) * 4;
      png.data.fill(dark ? 0 : 255, at, at + 3);
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

it("reads the terminal rendering back to the same payload", async () => {
  const payload = payloadFor();
  const text = await renderQrTerminal(payload);
  expect(text).toContain("▄");
  expect(scanPng(terminalToPng(text))).toBe(payload);
});
