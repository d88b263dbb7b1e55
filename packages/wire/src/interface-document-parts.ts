import type { TSchema } from "@sinclair/typebox";

/**
 * The pieces every interface document of clearhub is built from: the signature headers, the
 * references to messages, markdown tables for the code lists, and the hoisting of titled
 * schemas into components. Each interface's document builder adds its own paths and prose.
 */

export type JsonObject = Record<string, unknown>;

/** A markdown table: the header row, its separator, the rows. */
export function markdownTable(header: string, rows: readonly string[]): string {
  const columns = header.split("|").length - 2;
  return [header, `|${" --- |".repeat(columns)}`, ...rows].join("\n");
}

export const signatureHeaderParameters = {
  ContentDigest: {
    name: "Content-Digest",
    in: "header",
    required: true,
    description: "RFC 9530 digest of the body, with a `sha-256` member",
    schema: { type: "string" },
  },
  SignatureInput: {
    name: "Signature-Input",
    in: "header",
    required: true,
    description: "RFC 9421: the covered components and the signature's parameters",
    schema: { type: "string" },
  },
  Signature: {
    name: "Signature",
    in: "header",
    required: true,
    description: "RFC 9421: the Ed25519 signature",
    schema: { type: "string" },
  },
};

/** The same three as response headers, for `components.headers`. */
export function signatureResponseHeaders(): JsonObject {
  return Object.fromEntries(
    Object.entries(signatureHeaderParameters).map(([name, { description, schema }]) => [
      name,
      { required: true, description, schema },
    ]),
  );
}

export const answerSignatureHeaderRefs = {
  "Content-Digest": { $ref: "#/components/headers/ContentDigest" },
  "Signature-Input": { $ref: "#/components/headers/SignatureInput" },
  Signature: { $ref: "#/components/headers/Signature" },
};

export const signatureParameterRefs = Object.keys(signatureHeaderParameters).map((name) => ({
  $ref: `#/components/parameters/${name}`,
}));

export function schemaRef(schema: TSchema): JsonObject {
  return { $ref: `#/components/schemas/${String(schema.title)}` };
}

export function jsonContent(schema: TSchema, mediaType = "application/json"): JsonObject {
  return { [mediaType]: { schema: schemaRef(schema) } };
}

/**
 * Every subschema with a title becomes a component, referenced where it was, so that each
 * message is defined once in the document as it is in the code. Two different schemas under
 * one title would make the references ambiguous, so that is refused.
 */
export function hoistTitledSchemas(roots: readonly TSchema[]): Record<string, JsonObject> {
  const components: Record<string, JsonObject> = {};
  const hoist = (value: unknown, isRoot: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => hoist(item, false));
    if (typeof value !== "object" || value === null) return value;
    const copy: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      if (key !== "$id") copy[key] = hoist(member, false);
    }
    const title = copy.title;
    if (typeof title !== "string") return copy;
    const known = components[title];
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(copy)) {
      throw new Error(`two different schemas are titled ${title}`);
    }
    components[title] = copy;
    return isRoot ? copy : { $ref: `#/components/schemas/${title}` };
  };
  for (const root of roots) hoist(root, true);
  return components;
}
