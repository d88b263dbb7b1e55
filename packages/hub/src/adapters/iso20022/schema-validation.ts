import { readFile } from "node:fs/promises";
import {
  memoryPages,
  type XMLFileInfo,
  type XMLValidationResult,
  validateXML,
} from "xmllint-wasm";

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
  return validateAllAgainstSchema([xml], schemaName);
}

/**
 * Validates many documents of one message in one run of the validator, which costs far less than
 * one run each (a run starts a worker and compiles the schema); errors name `document-N.xml`.
 */
export async function validateAllAgainstSchema(
  xmls: readonly (string | Uint8Array)[],
  schemaName: Iso20022SchemaName,
): Promise<SchemaValidationResult> {
  const documents = xmls.map((xml, index) => ({
    fileName: `document-${index}.xml`,
    contents: typeof xml === "string" ? Buffer.from(xml, "utf8") : xml,
  }));
  const totalBytes = documents.reduce((sum, document) => sum + document.contents.byteLength, 0);
  if (totalBytes > xmlSizeMaxBytes) {
    return { valid: false, errors: [`documents larger than ${xmlSizeMaxBytes} bytes`] };
  }
  if (documents.length === 0) return { valid: true };
  const result = await runXmllint(documents, totalBytes, await schemaText(schemaName));
  if (result.valid) return { valid: true };
  const errors = result.errors.slice(0, reportedErrorsMax).map((error) => error.rawMessage);
  return { valid: false, errors: errors.length > 0 ? errors : [result.rawOutput] };
}

/**
 * xmllint-wasm rejects, rather than answers invalid, when xmllint ends in an unexpected way: a
 * document that is not well-formed (truncated by a failed stream) is the case that matters here.
 */
async function runXmllint(
  documents: readonly XMLFileInfo[],
  totalBytes: number,
  schema: string,
): Promise<XMLValidationResult> {
  try {
    return await validateXML({
      xml: documents,
      schema: { fileName: "schema.xsd", contents: schema },
      stream: true,
      // Room for the copied document, the compiled schema and libxml2's working set.
      maxMemoryPages: Math.ceil((totalBytes * 2) / (64 * 1024)) + 256 * memoryPages.MiB,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { valid: false, errors: [{ rawMessage: message, message, loc: null }], rawOutput: message, normalized: "" };
  }
}
