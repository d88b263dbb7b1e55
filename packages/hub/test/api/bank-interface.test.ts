/**
 * The bank interface's OpenAPI document: valid OpenAPI 3.1, every call of the connector and
 * every notice listed once, every reference resolving, every refusal code and failure reason
 * described; served by the hub and printed by the CLI.
 */

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  bankFailureReasonNames,
  bankInterfaceDocument,
  bankInterfacePath,
  bankOperations,
  bankRefusalCodeNames,
} from "@clearhub/wire";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, openApiHarness } from "./api-harness.ts";

interface Operation {
  operationId: string;
  security: Record<string, unknown>[];
  responses: Record<string, { description: string }>;
}
interface Document {
  openapi: string;
  info: { description: string };
  paths: Record<string, { post: Operation; servers?: unknown[] }>;
  components: { schemas: Record<string, unknown> };
}

const expectedOperations = [
  "POST /agreements/sign-requests requestSigning",
  "POST /agreements/sign-confirmations confirmSigning",
  "POST /agreements/unsign unsign",
  "POST /debits debit",
  "POST /credits credit",
  "POST /refunds refund",
  "POST /inquiries inquire",
  "POST /v1/bank-notices/unsigned unsignedNotice",
  "POST /v1/bank-notices/transaction-results transactionResultNotice",
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

describe("the bank interface document", () => {
  const document = bankInterfaceDocument() as unknown as Document;

  it("is valid OpenAPI 3.1", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every call of the bank and every notice to the hub, once", () => {
    const listed = Object.entries(document.paths).map(
      ([path, item]) => `POST ${path} ${item.post.operationId}`,
    );
    expect(listed.sort()).toEqual([...expectedOperations].sort());
    const bankCalls = expectedOperations.filter((line) => !line.includes("/v1/"));
    expect(Object.keys(bankOperations).sort()).toEqual(
      bankCalls.map((line) => line.split(" ")[2]).sort(),
    );
  });

  it("resolves every reference", () => {
    const refs = references(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(document, ref), ref).toBeDefined();
  });

  it("has the hub sign calls to the bank and the bank sign its notices to the hub", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const signer = path.startsWith("/v1/") ? "bankSignature" : "hubSignature";
      expect(item.post.security, path).toEqual([{ [signer]: [] }]);
      expect(item.servers !== undefined, path).toBe(path.startsWith("/v1/"));
    }
  });

  it("answers each bank call with a signed answer or a refusal, busy included", () => {
    const debit = document.paths["/debits"]?.post.responses ?? {};
    expect(Object.keys(debit).sort()).toEqual(["200", "400", "401", "409", "503"]);
    expect(debit["409"]?.description).toContain("`idempotency_key_reused`");
    expect(debit["503"]?.description).toContain("`bank_busy`");
    const confirm = document.paths["/agreements/sign-confirmations"]?.post.responses ?? {};
    expect(confirm["422"]?.description).toContain("`otp_expired`");
  });

  it("describes every refusal code and failure reason, and idempotency by transaction id", () => {
    for (const code of [...bankRefusalCodeNames, ...bankFailureReasonNames]) {
      expect(document.info.description).toContain(`\`${code}\``);
    }
    expect(document.info.description).toContain("idempotency key");
    expect(document.components.schemas.TransactionAnswer).toBeDefined();
  });

  it("is what `clearhub bank-interface-spec` prints", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      cliPath,
      "bank-interface-spec",
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

  it("serves the bank interface document without credentials", async () => {
    const response = await api.app.inject({ method: "GET", url: bankInterfacePath });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(bankInterfaceDocument())));
  });

  it("points to it from its own API description", async () => {
    const main = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(main.info.description).toContain(bankInterfacePath);
    expect(main.paths[bankInterfacePath]).toBeUndefined();
  });
});
