import { XMLBuilder } from "fast-xml-parser";
import type { XmlTree } from "./xml-tree.ts";

/**
 * Serialises ISO 20022 documents with fast-xml-parser's builder, which escapes text and
 * attributes. It turns one subtree into text in microseconds, so a streamed statement is written
 * entry by entry: each `Ntry` is built on its own and handed on (see the daily statement).
 */

const builderOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#",
  suppressEmptyNode: false,
} as const;

const indentedBuilder = new XMLBuilder({ ...builderOptions, format: true, indentBy: "  " });
const compactBuilder = new XMLBuilder({ ...builderOptions, format: false });

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>';

/** The ISO 20022 namespace of a message definition, e.g. pacs.009.001.09. */
export function isoNamespace(messageDefinition: string): string {
  return `urn:iso:std:iso:20022:tech:xsd:${messageDefinition}`;
}

export function documentTree(messageDefinition: string, body: XmlTree): XmlTree {
  return { Document: { "@xmlns": isoNamespace(messageDefinition), ...body } };
}

/**
 * A whole document in memory, for messages of bounded size (one leg, one window's statement),
 * indented with two spaces and ending in a newline, so files read well and diff cleanly.
 */
export function writeIsoDocument(messageDefinition: string, body: XmlTree): string {
  return `${xmlDeclaration}\n${indentedBuilder.build(documentTree(messageDefinition, body))}`;
}

/** A subtree on one line, for documents written piece by piece. */
export function writeCompactXml(tree: XmlTree): string {
  return compactBuilder.build(tree);
}
