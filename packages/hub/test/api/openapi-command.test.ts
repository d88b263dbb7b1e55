/**
 * `clearhub openapi`: the document clients generate their types from, printed without a
 * database, describing the webhooks' payload and every problem code.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { problemCatalogue } from "../../src/api/problem.ts";
import { buildServer } from "../../src/api/server.ts";
import { eventSchemaName } from "../../src/api/transfer-event-schema.ts";
import { openapiDocumentText } from "../../src/cli/openapi-document-text.ts";
import { eventTypeNames } from "../../src/domain/notifications/event-type.ts";
import { openTestHub } from "../support/test-hub.ts";

const cliPath = fileURLToPath(new URL("../../bin/clearhub.mjs", import.meta.url));

function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    // No DATABASE_URL and a directory without data: the command must need neither.
    const env = { ...process.env, DATABASE_URL: "", CLEARHUB_DATA_DIR: "/nonexistent/clearhub" };
    const child = spawn(process.execPath, [cliPath, ...args], { env });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

it("prints the same document the running hub serves, with no database", async () => {
  const printed = await runCli(["openapi"]);
  expect(printed.code).toBe(0);
  const test = await openTestHub("sqlite");
  try {
    const app = await buildServer(test.hub);
    const served = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    await app.close();
    expect(JSON.parse(printed.stdout)).toEqual(served);
  } finally {
    await test.dispose();
  }
});

it("prints the same bytes on every run", async () => {
  expect(await openapiDocumentText()).toBe(await openapiDocumentText());
});

it("describes every event type's payload and lists every problem code", async () => {
  const document = JSON.parse(await openapiDocumentText());
  expect(Object.keys(document.webhooks).sort()).toEqual([...eventTypeNames].sort());
  for (const type of eventTypeNames) {
    const body = document.webhooks[type].post.requestBody.content["application/json"].schema;
    expect(body).toEqual({ $ref: `#/components/schemas/${eventSchemaName(type)}` });
  }
  expect(document.components.schemas.TransferEvent.properties.type).toBeDefined();
  expect(document.components.schemas.AgreementEvent.properties.type).toBeDefined();
  expect(document.components.schemas.BankOperationEvent.properties.type).toBeDefined();
  expect(document.components.schemas.Problem.properties.code.enum).toEqual(
    Object.keys(problemCatalogue),
  );
});
