/**
 * The wallet interface's OpenAPI document: valid OpenAPI 3.1, every call of an issuer and every
 * notice to the hub listed once, every reference resolving, every refusal code and decline
 * reason described; served by the hub and printed by the CLI.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  codePaymentDeclineReasonNames,
  hubKeysPath,
  walletInterfaceDocument,
  walletInterfacePath,
  walletOperations,
  walletRefundDeclineReasonNames,
  walletRefusalCodeNames,
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
  "POST /code-payments authorizeCodePayment",
  "POST /code-payment-inquiries inquireCodePayment",
  "POST /code-payment-reversals reverseCodePayment",
  "POST /refunds refund",
  "POST /refund-inquiries inquireRefund",
  "POST /v1/wallet-notices/code-payment-outcomes codePaymentOutcomeNotice",
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

describe("the wallet interface document", () => {
  const document = walletInterfaceDocument() as unknown as Document;

  it("is valid OpenAPI 3.1", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every call of the issuer and every notice to the hub, once", () => {
    const listed = Object.entries(document.paths).map(
      ([path, item]) => `POST ${path} ${item.post.operationId}`,
    );
    expect(listed.sort()).toEqual([...expectedOperations].sort());
    const issuerCalls = expectedOperations.filter((line) => !line.includes("/v1/"));
    expect(Object.keys(walletOperations).sort()).toEqual(
      issuerCalls.map((line) => line.split(" ")[2]).sort(),
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

  it("has the hub sign calls to the issuer and the issuer sign its notices to the hub", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const signer = path.startsWith("/v1/") ? "issuerSignature" : "hubSignature";
      expect(item.post.security, path).toEqual([{ [signer]: [] }]);
      expect(item.servers !== undefined, path).toBe(path.startsWith("/v1/"));
    }
    expect(document.info.description).toContain(hubKeysPath);
  });

  it("answers each issuer call signed, a refusal included, busy with its own code", () => {
    const payment = document.paths["/code-payments"]?.post.responses ?? {};
    expect(Object.keys(payment).sort()).toEqual(["200", "400", "401", "409", "503"]);
    expect(payment["409"]?.description).toContain("`idempotency_key_reused`");
    expect(payment["503"]?.description).toContain("`wallet_busy`");
    for (const answer of Object.values(payment)) expect(answer.headers).toHaveProperty("Signature");
    const refund = document.paths["/refunds"]?.post.responses ?? {};
    expect(refund["422"]?.description).toContain("`payment_mismatch`");
    const inquiry = document.paths["/code-payment-inquiries"]?.post.responses ?? {};
    expect(Object.keys(inquiry).sort()).toEqual(["200", "400", "401", "503"]);
  });

  it("describes every refusal code and decline reason, idempotency and prefix routing", () => {
    const codes = [
      ...walletRefusalCodeNames,
      ...codePaymentDeclineReasonNames,
      ...walletRefundDeclineReasonNames,
    ];
    for (const code of codes) expect(document.info.description).toContain(`\`${code}\``);
    expect(document.info.description).toContain("idempotency key");
    expect(document.info.description).toContain("## Prefix routing");
    expect(document.info.description).toContain("## One-time payment codes");
    for (const title of ["CodePaymentAnswer", "WalletRefundAnswer", "CodePaymentOutcomeNotice"]) {
      expect(document.components.schemas[title], title).toBeDefined();
    }
  });

  it("is what `clearhub wallet-interface-spec` prints", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      cliPath,
      "wallet-interface-spec",
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

  it("serves the wallet interface document without credentials", async () => {
    const response = await api.app.inject({ method: "GET", url: walletInterfacePath });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(walletInterfaceDocument())));
  });

  it("points to it from its own API description", async () => {
    const main = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(main.info.description).toContain(walletInterfacePath);
    expect(main.paths[walletInterfacePath]).toBeUndefined();
  });
});
