/** /docs opens on the operations: the code tables live on a page of their own. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { problemCatalogue } from "../../src/api/problem.ts";
import { transferResultCodes } from "../../src/domain/ledger/result-code.ts";
import { openApiHarness } from "./api-harness.ts";

const packageVersion = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
).version;

it("keeps the API description short, points at the codes page, and carries the hub's version", async () => {
  const api = await openApiHarness("sqlite");
  try {
    const document = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(document.info.version).toBe(packageVersion);
    expect(document.info.description).toContain("(/docs/codes)");
    expect(document.info.description).not.toContain("| code |");
    expect(document.info.description.length).toBeLessThan(2_000);

    const page = await api.app.inject({ method: "GET", url: "/docs/codes" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    for (const code of [...Object.keys(problemCatalogue), ...Object.keys(transferResultCodes)]) {
      expect(page.body).toContain(`<code>${code}</code>`);
    }
    expect(document.paths["/docs/codes"]).toBeUndefined();
  } finally {
    await api.dispose();
  }
});
