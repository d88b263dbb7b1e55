import { readFile } from "node:fs/promises";
import { memoryPages, validateXML, type XMLFileInfo, type XMLValidationResult } from "xmllint-wasm";

/**
 * Validates a document against one of the vendored official ISO 20022 schemas
 * (`packages/hub/iso20022/`), with libxml2 compiled to WebAssembly: nothing native to download,
 * so it runs wherever Node runs, in tests and in the CLI.
 *
 * Limit: the document is copied into the validator's WebAssembly memory and checked with
 * libxml2's streaming reader, which does not build the tree, so memory is about the document's
 * size twice plus the compiled schema. `xmlSizeMaxBytes` (256 MB) bounds it. Measured here: a
 * 52 MB daily statement (75,000 entries) validated in about 7 s with 310 MB peak RSS. A day of a
 * million entries is larger: check samples of it in tests, not every export.
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
    return {
      valid: false,
      errors: [{ rawMessage: message, message, loc: null }],
      rawOutput: message,
      normalized: "",
    };
  }
}
