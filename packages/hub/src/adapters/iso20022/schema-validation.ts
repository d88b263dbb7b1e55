import { readFile } from "node:fs/promises";
import { memoryPages, validateXML } from "xmllint-wasm";

/**
 * Validates a document against one of the vendored official ISO 20022 schemas
 * (`packages/hub/iso20022/`), with libxml2 compiled to WebAssembly: nothing native to download,
 * so it runs wherever Node runs, in tests and in the CLI.
 *
 * Limit: the document is copied into the validator's WebAssembly memory and checked with
 * libxml2's streaming reader, which holds one element at a time, so memory is the document's size
 * plus a few MB. `xmlSizeMaxBytes` (256 MB) bounds it; 50 MB documents validate in a few seconds.
 * Larger files (a day of a million transactions) should be validated in the test that writes a
 * sample of them, not on every export.
 */

export type Iso20022SchemaName =
  | "pacs.009.001.09"
  | "pacs.002.001.11"
  | "camt.053.001.08"
  | "camt.052.001.08"
  | "camt.054.001.08";

export const xmlSizeMaxBytes = 256 * 1024 * 1024;

export type SchemaValidationResult =
  | { readonly valid: true }
  | { readonly valid: false; readonly errors: readonly string[] };

/** How many of libxml2's messages a refusal keeps: the first ones explain it, the rest repeat. */
const reportedErrorsMax = 20;

const schemaDirectory = new URL("../../../iso20022/", import.meta.url);
const schemaTexts = new Map<Iso20022SchemaName, Promise<string>>();

function schemaText(name: Iso20022SchemaName): Promise<string> {
  let text = schemaTexts.get(name);
  if (text === undefined) {
    text = readFile(new URL(`${name}.xsd`, schemaDirectory), "utf8");
    schemaTexts.set(name, text);
  }
  return text;
}

export async function validateAgainstSchema(
  xml: string | Uint8Array,
  schemaName: Iso20022SchemaName,
): Promise<SchemaValidationResult> {
  const contents = typeof xml === "string" ? Buffer.from(xml, "utf8") : xml;
  if (contents.byteLength > xmlSizeMaxBytes) {
    return { valid: false, errors: [`document larger than ${xmlSizeMaxBytes} bytes`] };
  }
  const result = await validateXML({
    xml: { fileName: "document.xml", contents },
    schema: { fileName: `${schemaName}.xsd`, contents: await schemaText(schemaName) },
    stream: true,
    // Room for the copied document, the compiled schema and libxml2's working set.
    maxMemoryPages: Math.ceil((contents.byteLength * 2) / (64 * 1024)) + 256 * memoryPages.MiB,
  });
  if (result.valid) return { valid: true };
  const errors = result.errors.slice(0, reportedErrorsMax).map((error) => error.rawMessage);
  return { valid: false, errors: errors.length > 0 ? errors : [result.rawOutput] };
}
