/**
 * Regenerates src/generated/openapi-types.ts from the document `clearhub openapi` prints, the
 * same command any participant can run to generate a client of its own.
 */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { generatedTypesPath, openapiTypesText } from "./openapi-types.ts";

const hubCli = createRequire(import.meta.url).resolve("@clearhub/hub/bin/clearhub.mjs");
const documentText = execFileSync(process.execPath, [hubCli, "openapi"], {
  encoding: "utf8",
  maxBuffer: 16 * 1024 * 1024,
});
await mkdir(new URL(".", generatedTypesPath), { recursive: true });
await writeFile(generatedTypesPath, await openapiTypesText(documentText));
process.stderr.write(`wrote ${generatedTypesPath.pathname}\n`);
