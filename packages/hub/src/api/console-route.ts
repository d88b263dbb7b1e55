import { bundleConsole, type ConsoleBundle } from "@clearhub/console";
import type { FastifyPluginAsync, FastifyReply } from "fastify";

/** Where the hub serves the operator console, on the API's own port. */
export const consolePath = "/console";

/**
 * Only the hub's own files may run or style the console, it may talk only to the hub, and no
 * other site may frame it: an injected script or style has nothing to load and nowhere to send.
 */
export const consoleContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Asset names carry their content's hash, so a browser may keep them as long as it likes. */
const assetCacheControl = "public, max-age=31536000, immutable";

let bundled: Promise<ConsoleBundle> | undefined;

/** Bundled once per process, on first need; a failed bundle is tried again on the next request. */
function consoleBundle(): Promise<ConsoleBundle> {
  if (bundled === undefined) {
    bundled = bundleConsole();
    bundled.catch(() => {
      bundled = undefined;
    });
  }
  return bundled;
}

function setConsoleHeaders(reply: FastifyReply): void {
  reply.header("content-security-policy", consoleContentSecurityPolicy);
  reply.header("x-content-type-options", "nosniff");
  reply.header("referrer-policy", "no-referrer");
}

/**
 * The console: one HTML shell for every address under /console (the script routes on the
 * client, so a deep link works on reload) and the script and style it names. The console holds
 * no secret and reads nothing itself: everything it shows comes from /operator/v1, which checks
 * the operator's session.
 */
export const consoleRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    setConsoleHeaders(reply);
  });
  // Bundling takes a moment: a listening hub does it at once rather than on the first visit.
  app.addHook("onListen", async () => {
    consoleBundle().catch((error: unknown) =>
      app.log.error({ err: error }, "console bundle failed"),
    );
  });
  const shell = async (_request: unknown, reply: FastifyReply) => {
    const bundle = await consoleBundle();
    return reply
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(bundle.shell(consolePath));
  };
  app.get("/", { schema: { hide: true } }, shell);
  app.get("/*", { schema: { hide: true } }, shell);
  app.get<{ Params: { name: string } }>(
    "/assets/:name",
    { schema: { hide: true } },
    async (request, reply) => {
      const bundle = await consoleBundle();
      const asset = [bundle.script, bundle.style].find((file) => file.name === request.params.name);
      if (asset === undefined) return reply.callNotFound();
      return reply
        .header("cache-control", assetCacheControl)
        .type(asset.contentType)
        .send(asset.body);
    },
  );
};
