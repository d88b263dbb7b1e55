import { writeFile } from "node:fs/promises";
import { type Command, InvalidArgumentError } from "commander";
import { renderQrPng, renderQrSvg, renderQrTerminal } from "../adapters/qr/qr-image.ts";
import { parseEmvPayload } from "../domain/barcode/emv-payload.ts";
import type { EmvField } from "../domain/barcode/emv-tlv.ts";
import {
  decodeMerchantPresentedCode,
  type MerchantPresentedCode,
} from "../domain/barcode/merchant-presented-code.ts";
import {
  encodeMerchantPresentedCode,
  type MerchantPresentedCodeInput,
} from "../domain/barcode/merchant-presented-encoding.ts";
import type { QrRefusal } from "../domain/barcode/qr-problem.ts";
import { CliError } from "./cli-error.ts";

type Print = (line: string) => void;

interface EncodeOptions {
  readonly acquirer: string;
  readonly merchant: string;
  readonly name: string;
  readonly city: string;
  readonly mcc: string;
  readonly currency: string;
  readonly country: string;
  readonly postalCode?: string;
  readonly amount?: string;
  readonly reference?: string;
  readonly expires?: number;
  readonly png?: string;
  readonly svg?: string;
  readonly terminal?: boolean;
}

/** An ISO 8601 time with its zone, so "10:00" never means the local clock of whoever runs it. */
const zonedTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function zonedTime(text: string): number {
  const ms = Date.parse(text);
  if (!zonedTimePattern.test(text) || Number.isNaN(ms)) {
    throw new InvalidArgumentError(
      "expected an ISO 8601 time with a zone, e.g. 2026-12-07T10:30:00Z",
    );
  }
  return ms;
}

/** The code as JSON: the expiry as an ISO time, no bigint (JSON has none), fields as parsed. */
export function merchantPresentedCodeView(code: MerchantPresentedCode): Record<string, unknown> {
  const { amountMinor: _minor, expiresAt, fields, ...rest } = code;
  return {
    ...rest,
    ...(expiresAt === undefined ? {} : { expiresAt: new Date(expiresAt).toISOString() }),
    fields: fields.map(fieldView),
  };
}

function fieldView(field: EmvField): Record<string, unknown> {
  return field.fields === undefined
    ? { id: field.id, value: field.value }
    : { id: field.id, value: field.value, fields: field.fields.map(fieldView) };
}

function refuse(refusal: QrRefusal, stderr: Print): void {
  const { ok: _ok, ...problem } = refusal;
  stderr(JSON.stringify(problem));
  process.exitCode = 1;
}

/**
 * `clearhub qr decode|encode`: merchant-presented EMVCo payloads, no database. A refused payload
 * prints its problem code as JSON on standard error and exits 1.
 */
export function addQrCommands(program: Command, stdout: Print, stderr: Print): void {
  const qr = program
    .command("qr")
    .description("merchant-presented QR codes (EMVCo): decode a scanned payload, encode one");

  qr.command("decode")
    .description("print a payload's fields as JSON; exit 1 with the problem code if it is refused")
    .argument("<payload>", "the text a scanner read from the code")
    .option("--any-network", "check only the CRC and structure, for any network's payload")
    .action((payload: string, options: { anyNetwork?: boolean }) => {
      if (options.anyNetwork === true) {
        const parsed = parseEmvPayload(payload);
        if (!parsed.ok) return refuse(parsed, stderr);
        stdout(JSON.stringify({ fields: parsed.fields.map(fieldView) }, null, 2));
        return;
      }
      const decoded = decodeMerchantPresentedCode(payload);
      if (!decoded.ok) return refuse(decoded, stderr);
      stdout(JSON.stringify(merchantPresentedCodeView(decoded.code), null, 2));
    });

  qr.command("encode")
    .description(
      "print a payload for a merchant; with --amount a dynamic code (one order, an expiry), else a static one",
    )
    .requiredOption("--acquirer <id>", "the acquirer's participant id")
    .requiredOption("--merchant <id>", "the acquirer's own id for the merchant")
    .requiredOption("--name <name>", "the merchant's name, at most 25 characters")
    .requiredOption("--city <city>", "the merchant's city, at most 15 characters")
    .requiredOption("--mcc <code>", "the merchant category code, four digits")
    .requiredOption("--currency <code>", "ISO 4217 alphabetic, e.g. CNY")
    .requiredOption("--country <code>", "ISO 3166 alpha-2, e.g. CN")
    .option("--postal-code <code>", "the merchant's postal code")
    .option("--amount <decimal>", "the amount, e.g. 12.30: makes a dynamic code")
    .option("--reference <order>", "the order reference (required with --amount)")
    .option("--expires <time>", "when a dynamic code expires, ISO 8601 with a zone", zonedTime)
    .option("--png <file>", "also write the code as a PNG image")
    .option("--svg <file>", "also write the code as an SVG image")
    .option("--terminal", "also print the code for the terminal, below the payload")
    .action(async (options: EncodeOptions) => {
      const encoded = encodeMerchantPresentedCode(encodeInput(options));
      if (!encoded.ok) return refuse(encoded, stderr);
      await writeImages(encoded.payload, options);
      stdout(encoded.payload);
      if (options.terminal === true) stdout(await renderQrTerminal(encoded.payload));
    });
}

function encodeInput(options: EncodeOptions): MerchantPresentedCodeInput {
  return {
    initiation: options.amount === undefined ? "static" : "dynamic",
    acquirerId: options.acquirer,
    merchantId: options.merchant,
    merchantCategoryCode: options.mcc,
    currency: options.currency,
    countryCode: options.country,
    merchantName: options.name,
    merchantCity: options.city,
    ...(options.postalCode === undefined ? {} : { postalCode: options.postalCode }),
    ...(options.amount === undefined ? {} : { amount: options.amount }),
    ...(options.reference === undefined ? {} : { reference: options.reference }),
    ...(options.expires === undefined ? {} : { expiresAt: options.expires }),
  };
}

async function writeImages(payload: string, options: EncodeOptions): Promise<void> {
  try {
    if (options.png !== undefined) await writeFile(options.png, await renderQrPng(payload));
    if (options.svg !== undefined) await writeFile(options.svg, await renderQrSvg(payload));
  } catch (error) {
    throw new CliError(`cannot write the image: ${(error as Error).message}`);
  }
}
