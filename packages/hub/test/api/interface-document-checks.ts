/**
 * What every published interface document of a called system (a biller's, an issuer's) must
 * hold, checked the same way for each: valid OpenAPI 3.1, every call and notice listed once,
 * every reference resolving, every string and array of a message bounded, each side signing
 * its own requests, the CLI printing it and the hub serving it without credentials. Each
 * interface's test adds what is its own (its refusals, its reasons, its messages).
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { hubKeysPath } from "@clearhub/wire";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, openApiHarness } from "./api-harness.ts";

export interface Operation {
  operationId: string;
  security: Record<string, unknown>[];
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
}

export interface InterfaceDocument {
  openapi: string;
  info: { description: string };
  paths: Record<string, { post: Operation; servers?: unknown[] }>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

export interface InterfaceUnderTest {
  /** "biller", "issuer": the peer, as the test names say it. */
  readonly peer: string;
  readonly document: () => Record<string, unknown>;
  /** Where the hub serves it, and the CLI command that prints it. */
  readonly path: string;
  readonly cliCommand: string;
  /** `POST <path> <operationId>` for each call of the peer and each notice to the hub (`/v1/`). */
  readonly expectedOperations: readonly string[];
  /** The operations the code defines for the peer, by name. */
  readonly peerOperationNames: readonly string[];
  /** The security scheme of the peer's notices. */
  readonly peerSignature: string;
}

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

/** Registers the checks every interface document must pass, inside the caller's `describe`. */
export function checkInterfaceDocument(subject: InterfaceUnderTest): void {
  const document = subject.document() as unknown as InterfaceDocument;

  it("is valid OpenAPI 3.1", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it(`lists every call of the ${subject.peer} and every notice to the hub, once`, () => {
    const listed = Object.entries(document.paths).map(
      ([path, item]) => `POST ${path} ${item.post.operationId}`,
    );
    expect(listed.sort()).toEqual([...subject.expectedOperations].sort());
    const peerCalls = subject.expectedOperations.filter((line) => !line.includes("/v1/"));
    expect([...subject.peerOperationNames].sort()).toEqual(
      peerCalls.map((line) => line.split(" ")[2]).sort(),
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

  it(`has the hub sign calls to the ${subject.peer} and the ${subject.peer} sign its notices to the hub`, () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const signer = path.startsWith("/v1/") ? subject.peerSignature : "hubSignature";
      expect(item.post.security, path).toEqual([{ [signer]: [] }]);
      expect(item.servers !== undefined, path).toBe(path.startsWith("/v1/"));
    }
    expect(document.info.description).toContain(hubKeysPath);
  });

  it(`is what \`clearhub ${subject.cliCommand}\` prints`, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [cliPath, subject.cliCommand]);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(document)));
  });

  describe("the hub", () => {
    let api: ApiHarness & { dispose(): Promise<void> };
    beforeAll(async () => {
      api = await openApiHarness("sqlite");
    });
    afterAll(async () => {
      await api.dispose();
    });

    it(`serves the ${subject.peer} interface document without credentials`, async () => {
      const response = await api.app.inject({ method: "GET", url: subject.path });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(JSON.parse(JSON.stringify(subject.document())));
    });

    it("points to it from its own API description", async () => {
      const main = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json();
      expect(main.info.description).toContain(subject.path);
      expect(main.paths[subject.path]).toBeUndefined();
    });
  });
}
