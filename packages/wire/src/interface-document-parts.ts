import type { TSchema } from "@sinclair/typebox";
import { hubKeysPath } from "./hub-keys-path.ts";
import { problemContentType, WireProblem } from "./problem-schema.ts";

/**
 * The pieces every interface document of clearhub is built from: the signature headers, the
 * references to messages, markdown tables for the code lists, the hoisting of titled schemas
 * into components, and the path items of calls to the peer and of its notices to the hub. Each
 * interface's document builder adds its own operations, codes and prose.
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

/** The party across an interface from the hub, as the documents name it. */
export interface InterfacePeer {
  /** Its noun in prose: "bank", "biller". */
  readonly noun: string;
  /** The security scheme its own signature is documented under. */
  readonly signatureScheme: string;
}

/**
 * One response per status among the refusal codes a call may meet, listing the codes, each
 * answered with the peer's signed refusal message.
 */
export function refusalResponses<Code extends string>(
  codes: readonly Code[],
  statusOf: (code: Code) => number,
  refusal: TSchema,
): JsonObject {
  const byStatus = new Map<number, Code[]>();
  for (const code of codes) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, statusCodes]) => [
        String(status),
        {
          description: `Refused: ${statusCodes.map((code) => `\`${code}\``).join(", ")}`,
          headers: answerSignatureHeaderRefs,
          content: jsonContent(refusal),
        },
      ]),
  );
}

/** A call the hub makes to a peer, as a path item needs it. */
export interface PeerOperationEntry {
  readonly tag: string;
  readonly summary: string;
  readonly description: string;
  readonly request: TSchema;
  readonly answer: TSchema;
}

/** The path item of a call the hub signs and the peer answers, signed, with 200 or a refusal. */
export function peerPathItem(
  operationId: string,
  operation: PeerOperationEntry,
  peer: InterfacePeer,
  refusals: JsonObject,
): JsonObject {
  return {
    post: {
      operationId,
      tags: [operation.tag],
      summary: operation.summary,
      description: operation.description,
      security: [{ hubSignature: [] }],
      parameters: signatureParameterRefs,
      requestBody: { required: true, content: jsonContent(operation.request) },
      responses: {
        "200": {
          description: `The ${peer.noun}'s answer, signed`,
          headers: answerSignatureHeaderRefs,
          content: jsonContent(operation.answer),
        },
        ...refusals,
      },
    },
  };
}

/** A notice a peer sends to the hub, as a path item needs it. */
export interface NoticeOperationEntry {
  readonly summary: string;
  readonly description: string;
  readonly request: TSchema;
}

/** The path item of a notice the peer sends to the hub's participant API. */
export function hubNoticePathItem(
  operationId: string,
  operation: NoticeOperationEntry,
  peer: InterfacePeer,
): JsonObject {
  return {
    servers: [
      {
        url: "{hub}",
        description: "The clearhub hub",
        variables: { hub: { default: "https://hub.example" } },
      },
    ],
    post: {
      operationId,
      tags: ["notices"],
      summary: operation.summary,
      description: operation.description,
      security: [{ [peer.signatureScheme]: [] }],
      parameters: signatureParameterRefs,
      requestBody: { required: true, content: jsonContent(operation.request) },
      responses: {
        "204": {
          description: `Received; the same answer to a repeated notice. Until a ${peer.noun} sees a 2xx it sends the notice again, with the same \`noticeId\`, after a growing delay.`,
        },
        "4XX": {
          description: `Refused, an RFC 9457 problem with a \`code\` as the hub's participant API answers it (401 for a refused signature, 403 for a sender that is not a ${peer.noun}); correct it before sending again.`,
          content: jsonContent(WireProblem, problemContentType),
        },
      },
    },
  };
}

/** The security schemes: the hub's signature over its requests, and the peer's over its notices. */
export function signatureSecuritySchemes(
  peer: InterfacePeer,
  hubSignedComponentList: string,
): JsonObject {
  return {
    hubSignature: {
      type: "apiKey",
      in: "header",
      name: "Signature",
      description: `RFC 9421 Ed25519 signature by the hub over ${hubSignedComponentList}, verified with the hub's key set at \`${hubKeysPath}\`.`,
    },
    [peer.signatureScheme]: {
      type: "apiKey",
      in: "header",
      name: "Signature",
      description: `RFC 9421 Ed25519 signature by the ${peer.noun}, with the key the hub operator registered for it and the \`keyid\` the hub issued.`,
    },
  };
}

/** A call the hub makes to a peer, with where it goes and the refusals of its own. */
interface PeerOperation<Code extends string> extends PeerOperationEntry {
  readonly path: string;
  readonly refusals: readonly Code[];
}

/** What one interface's document says of its own; the parts every document shares go around it. */
export interface InterfaceDocumentSpec<Code extends string> {
  readonly title: string;
  readonly version: string;
  /** The document's prose: markdown, the code lists included. */
  readonly description: string;
  readonly peer: InterfacePeer;
  /** The server entry of the peer's endpoint, which the calls' paths are relative to. */
  readonly peerServer: JsonObject;
  readonly tags: readonly JsonObject[];
  /** The calls the hub makes to the peer, by operation id. */
  readonly operations: Readonly<Record<string, PeerOperation<Code>>>;
  /** The refusal responses of a call that may meet `refusals` besides those of every call. */
  readonly refusalsOf: (refusals: readonly Code[]) => JsonObject;
  /** The notices the peer sends to the hub, by operation id. */
  readonly notices: Readonly<Record<string, NoticeOperationEntry & { readonly path: string }>>;
  /** The peer's signed refusal message. */
  readonly refusal: TSchema;
  /** The components the hub's signature covers, as the security scheme lists them. */
  readonly hubSignedComponentList: string;
}

/** The OpenAPI 3.1 document of an interface, built from the schemas the code uses. */
export function interfaceDocument<Code extends string>(
  spec: InterfaceDocumentSpec<Code>,
): JsonObject {
  const paths: JsonObject = {};
  const operations = Object.entries(spec.operations);
  const notices = Object.entries(spec.notices);
  for (const [name, operation] of operations) {
    paths[operation.path] = peerPathItem(
      name,
      operation,
      spec.peer,
      spec.refusalsOf(operation.refusals),
    );
  }
  for (const [name, operation] of notices) {
    paths[operation.path] = hubNoticePathItem(name, operation, spec.peer);
  }
  const messages = [
    ...operations.flatMap(([, operation]) => [operation.request, operation.answer]),
    ...notices.map(([, operation]) => operation.request),
    spec.refusal,
    WireProblem,
  ];
  return {
    openapi: "3.1.0",
    info: { title: spec.title, version: spec.version, description: spec.description },
    servers: [spec.peerServer],
    tags: spec.tags,
    paths,
    components: {
      schemas: hoistTitledSchemas(messages),
      parameters: signatureHeaderParameters,
      headers: signatureResponseHeaders(),
      securitySchemes: signatureSecuritySchemes(spec.peer, spec.hubSignedComponentList),
    },
  };
}
