import { create } from "xmlbuilder2";
import type { XmlTree } from "./xml-tree.ts";

/** The ISO 20022 namespace of a message definition, e.g. pacs.009.001.09. */
export function isoNamespace(messageDefinition: string): string {
  return `urn:iso:std:iso:20022:tech:xsd:${messageDefinition}`;
}

/**
 * A whole document in memory, for messages of bounded size (one leg, one window's statement).
 * Indented with two spaces and ending in a newline, so files read well and diff cleanly.
 */
export function writeIsoDocument(messageDefinition: string, body: XmlTree): string {
  const document = create({ version: "1.0", encoding: "UTF-8" })
    .ele(isoNamespace(messageDefinition), "Document")
    .ele(body);
  return `${document.end({ prettyPrint: true, indent: "  " })}\n`;
}
