/**
 * The biller interface's OpenAPI document: valid OpenAPI 3.1, every call of a biller and every
 * notice to the hub listed once, every reference resolving, every refusal code and rejection
 * reason described; served by the hub and printed by the CLI.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  billerInterfaceDocument,
  billerInterfacePath,
  billerOperations,
  billerRefusalCodeNames,
  hubKeysPath,
  postingRejectionReasonNames,
} from "@clearhub/wire";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type ApiHarness, openApiHarness } from "./api-harness.ts";

interface Operation {
  operationId: string;
  security: Record<string, unknown>[];
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
}
interface Document {
  openapi: string;
  info: { description: string };
  paths: Record<string, { post: Operation; servers?: unknown[] }>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

const expectedOperations = [
  "POST /bill-inquiries inquireBills",
  "POST /postings post",
  "POST /posting-inquiries inquirePosting",
  "POST /v1/biller-notices/bills billNotice",
  "POST /v1/biller-notices/reversals reversalNotice",
];

const cliPath = fileURLToPath(new URL("../../bin/clearhub.mjs", import.meta.url));

function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, member]) =>
    key === "$ref" && typeof member === "string" ? [member] : references(member),
  );
}

function resolve(document: unknown, pointer: string): unknown {
  return pointer
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

/** Every schema of the type in the document, with where it is. */
function schemasOfType(
  value: unknown,
  type: string,
  at: string,
): [string, Record<string, unknown>][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => schemasOfType(item, type, `${at}/${i}`));
  }
  if (typeof value !== "object" || value === null) return [];
  const node = value as Record<string, unknown>;
  const own: [string, Record<string, unknown>][] = node.type === type ? [[at, node]] : [];
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, member]) => schemasOfType(member, type, `${at}/${key}`)),
  ];
}

describe("the biller interface document", () => {
  const document = billerInterfaceDocument() as unknown as Document;

  it("is valid OpenAPI 3.1", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every call of the biller and every notice to the hub, once", () => {
    const listed = Object.entries(document.paths).map(
      ([path, item]) => `POST ${path} ${item.post.operationId}`,
    );
    expect(listed.sort()).toEqual([...expectedOperations].sort());
    const billerCalls = expectedOperations.filter((line) => !line.includes("/v1/"));
    expect(Object.keys(billerOperations).sort()).toEqual(
      billerCalls.map((line) => line.split(" ")[2]).sort(),
    );
  });

  it("resolves every reference", () => {
    const refs = references(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(document, ref), ref).toBeDefined();
  });

  it("bounds every string and every array of every message", () => {
    const schemas = document.components.schemas;
    const strings = schemasOfType(schemas, "string", "#/components/schemas").filter(
      ([, schema]) =>
        schema.maxLength === undefined && schema.enum === undefined && schema.const === undefined,
    );
    expect(strings.map(([at]) => at)).toEqual([]);
    const arrays = schemasOfType(schemas, "array", "#/components/schemas");
    expect(arrays.length).toBeGreaterThan(0);
    expect(arrays.filter(([, schema]) => schema.maxItems === undefined)).toEqual([]);
  });

  it("has the hub sign calls to the biller and the biller sign its notices to the hub", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const signer = path.startsWith("/v1/") ? "billerSignature" : "hubSignature";
      expect(item.post.security, path).toEqual([{ [signer]: [] }]);
      expect(item.servers !== undefined, path).toBe(path.startsWith("/v1/"));
    }
    expect(document.info.description).toContain(hubKeysPath);
  });

  it("answers each biller call signed, a refusal included, busy with its own code", () => {
    const posting = document.paths["/postings"]?.post.responses ?? {};
    expect(Object.keys(posting).sort()).toEqual(["200", "400", "401", "409", "503"]);
    expect(posting["409"]?.description).toContain("`idempotency_key_reused`");
    expect(posting["503"]?.description).toContain("`biller_busy`");
    for (const answer of Object.values(posting)) expect(answer.headers).toHaveProperty("Signature");
    const inquiry = document.paths["/bill-inquiries"]?.post.responses ?? {};
    expect(inquiry["422"]?.description).toContain("`customer_not_found`");
  });

  it("describes every refusal code and rejection reason, and idempotency by posting id", () => {
    for (const code of [...billerRefusalCodeNames, ...postingRejectionReasonNames]) {
      expect(document.info.description).toContain(`\`${code}\``);
    }
    expect(document.info.description).toContain("idempotency key");
    expect(document.components.schemas.PostingAnswer).toBeDefined();
    expect(document.components.schemas.Bill).toBeDefined();
  });

  it("is what `clearhub biller-interface-spec` prints", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      cliPath,
      "biller-interface-spec",
    ]);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe("the hub", () => {
  let api: ApiHarness & { dispose(): Promise<void> };
  beforeAll(async () => {
    api = await openApiHarness("sqlite");
  });
  afterAll(async () => {
    await api.dispose();
  });

  it("serves the biller interface document without credentials", async () => {
    const response = await api.app.inject({ method: "GET", url: billerInterfacePath });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(billerInterfaceDocument())));
  });

  it("points to it from its own API description", async () => {
    const main = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(main.info.description).toContain(billerInterfacePath);
    expect(main.paths[billerInterfacePath]).toBeUndefined();
  });
});
