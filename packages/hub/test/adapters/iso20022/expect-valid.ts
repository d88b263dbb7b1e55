import { expect } from "vitest";
import type { IsoWriteResult } from "../../../src/adapters/iso20022/iso-write-result.ts";
import {
  type Iso20022SchemaName,
  validateAgainstSchema,
  validateAllAgainstSchema,
} from "../../../src/adapters/iso20022/schema-validation.ts";

/** The document a writer produced, failing the test if it refused. */
export function written(result: IsoWriteResult): string {
  if (!result.ok) throw new Error(`writer refused: ${result.code} (${result.field})`);
  return result.xml;
}

/** Fails with libxml2's messages when the document does not validate against its schema. */
export async function expectSchemaValid(
  xml: string | Uint8Array,
  schemaName: Iso20022SchemaName,
): Promise<void> {
  const result = await validateAgainstSchema(xml, schemaName);
  expect(result.valid ? [] : result.errors).toEqual([]);
}

/** The same for many documents of one message, in one run of the validator. */
export async function expectAllSchemaValid(
  xmls: readonly string[],
  schemaName: Iso20022SchemaName,
): Promise<void> {
  const result = await validateAllAgainstSchema(xmls, schemaName);
  expect(result.valid ? [] : result.errors).toEqual([]);
}

/** The text of every element with this name, in document order (the writers never nest one). */
export function elementTexts(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, "g");
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? "");
}
