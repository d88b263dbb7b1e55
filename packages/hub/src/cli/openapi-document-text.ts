import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDataKeyEntry } from "../adapters/crypto/data-key-entry.ts";
import { buildServer } from "../api/server.ts";
import { openHub } from "../hub.ts";

/**
 * The hub's OpenAPI 3.1 document as `clearhub openapi` prints it: indented JSON ending in a
 * newline, the same bytes on every run, so generated clients can be checked against it.
 *
 * The document is a function of the routes' schemas alone, but the routes are registered
 * against a hub; a throwaway one on an embedded store in a temporary directory (no jobs, an
 * in-memory data key, nothing left behind) lets this run with no database and no settings.
 */
export async function openapiDocumentText(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), "clearhub-openapi-"));
  try {
    const hub = await openHub({
      dataDir,
      dataKeys: generateDataKeyEntry(new Date()).entry,
      expirePendings: false,
      purgeExpired: false,
      dispatchWebhooks: false,
    });
    try {
      const app = await buildServer(hub);
      try {
        return `${JSON.stringify(app.swagger(), null, 2)}\n`;
      } finally {
        await app.close();
      }
    } finally {
      await hub.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
