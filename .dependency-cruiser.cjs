/**
 * The dependency rules of clearhub, checked by `npm run lint` (and so by `npm test`): an import
 * that breaks one fails the build, with the rule's name and the reason below. Why we hold them:
 * README, "Layers and the rules that hold them".
 *
 * Inside the hub (packages/hub/src), arrows point inward:
 *
 *     domain  <-  app  <-  adapters, api, jobs   <-  composition root (hub.ts, composition/, cli/)
 *
 * Between packages, the wire package (the contracts of the interfaces the hub publishes) is a
 * leaf that both the hub and the simulators import, so neither reaches into the other.
 */

const hub = "^packages/hub/src/";
const layer = (name) => `${hub}${name}/`;

/** Files that build the whole hub from its parts: they may import every layer. */
const compositionRoot = [`${hub}hub\\.ts$`, layer("composition"), layer("cli")];

/** Node's modules that reach outside the process: the file system, the network, other processes. */
const nodeIoModules =
  "^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|dns/promises|child_process|cluster|worker_threads|readline|repl|inspector)$";

/** Libraries whose whole purpose is I/O: a database, HTTP, Redis, logs, metrics. */
const ioLibraries =
  "(^|/)node_modules/(kysely|pg|pg-copy-streams|better-sqlite3|ioredis|fastify|@fastify/[^/]+|undici|pino|prom-client|rate-limiter-flexible)/";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "A cycle means neither module can be understood, tested or changed without the other, and makes the order of module initialisation matter. Move the shared part into a module both import.",
      from: { path: "^packages/" },
      to: { circular: true },
    },
    {
      name: "domain-imports-only-domain",
      severity: "error",
      comment:
        "The domain holds the rules of clearing, free of storage, HTTP and wire formats, so it can be tested with plain values and reused by every layer. It imports only itself and pure libraries.",
      from: { path: layer("domain") },
      to: { path: hub, pathNot: [layer("domain")] },
    },
    {
      name: "domain-does-no-io",
      severity: "error",
      comment:
        "The domain decides; it never reads a file, opens a socket or talks to a database. I/O belongs to adapters behind the ports the app owns.",
      from: { path: layer("domain") },
      to: { path: [nodeIoModules, ioLibraries, "^packages/(wire|sdk|simulators|console)/"] },
    },
    {
      name: "app-imports-only-app-and-domain",
      severity: "error",
      comment:
        "Use-cases own the ports they need; adapters, the HTTP layer and jobs plug into them. An import from app to an outer layer would make the use-case depend on one way of storing, serving or scheduling.",
      from: { path: layer("app") },
      to: { path: hub, pathNot: [layer("app"), layer("domain")] },
    },
    {
      name: "app-imports-no-wire",
      severity: "error",
      comment:
        "The app speaks the domain's language; a bank's or biller's wire messages are decoded into it at the edge (adapters for calls the hub makes, api for notices it receives), so a change of wire format never reaches a use-case.",
      from: { path: layer("app") },
      to: { path: "^packages/wire/" },
    },
    {
      name: "adapters-import-inward",
      severity: "error",
      comment:
        "Adapters implement the app's ports; they know app and domain, never the HTTP layer, the jobs or the composition root. What adapters and api share (a wire contract) lives in @clearhub/wire.",
      from: { path: layer("adapters") },
      to: { path: [layer("api"), layer("jobs"), ...compositionRoot] },
    },
    {
      name: "api-imports-inward",
      severity: "error",
      comment:
        "The HTTP layer turns requests into use-case calls; it never reaches an adapter (a store, a connector), a job or the composition root, so it can be served over any store and tested with in-memory ports.",
      from: { path: layer("api") },
      to: { path: [layer("adapters"), layer("jobs"), ...compositionRoot] },
    },
    {
      name: "api-gets-no-store",
      severity: "error",
      comment:
        "The HTTP layer receives use-cases, never a store: a route that writes through a store skips the use-case's rules (idempotency, audit, limits).",
      from: { path: layer("api") },
      to: { path: `${layer("app")}ports/[^/]*-store\\.ts$` },
    },
    {
      name: "jobs-import-inward",
      severity: "error",
      comment:
        "Jobs drive use-cases on a schedule; like the HTTP layer they reach neither adapters, nor the HTTP layer, nor the composition root.",
      from: { path: layer("jobs") },
      to: { path: [layer("adapters"), layer("api"), ...compositionRoot] },
    },
    {
      name: "sdk-and-simulators-stay-out-of-the-hub",
      severity: "error",
      comment:
        "The SDK is what participants install and the simulators stand for participants' systems: both work from the published contracts (the hub's OpenAPI document, @clearhub/wire), never from the hub's code, or a change inside the hub could silently change them too.",
      // The SDK's own tests start a real hub to talk to; the simulators' tests stand in for it.
      from: { path: ["^packages/sdk/src/", "^packages/simulators/"] },
      to: { path: "^packages/hub/src/" },
    },
    {
      name: "wire-is-a-leaf",
      severity: "error",
      comment:
        "The wire package is the contract both sides implement; it must not depend on either side's code, or the contract would change when an implementation does.",
      from: { path: "^packages/wire/" },
      to: { path: "^packages/(hub|sdk|simulators|console)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // `import type` counts: a type from an outer layer couples as much as a value does.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".mjs", ".js", ".json"],
    },
  },
};
