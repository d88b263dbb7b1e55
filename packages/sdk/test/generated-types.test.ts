/**
 * The checked-in types are those the hub's current OpenAPI document generates: a change to the
 * hub's API that is not regenerated into the SDK fails here, naming the command that fixes it.
 */
import { readFile } from "node:fs/promises";
import { openapiDocumentText } from "@clearhub/hub/src/cli/openapi-document-text.ts";
import { expect, it } from "vitest";
import {
  generatedTypesPath,
  openapiTypesText,
  regenerateCommand,
} from "../scripts/openapi-types.ts";

it("match the hub's OpenAPI document", async () => {
  const expected = await openapiTypesText(await openapiDocumentText());
  const checkedIn = await readFile(generatedTypesPath, "utf8");
  const stale = `src/generated/openapi-types.ts is stale: run \`${regenerateCommand}\``;
  expect(checkedIn === expected, stale).toBe(true);
});
