import { afterEach, beforeEach, expect, it } from "vitest";
import { type RunningHub, type ServeConfig, serve } from "../../src/cli/serve.ts";
import type { Hub } from "../../src/hub.ts";
import { describeEachBackend, openTestDatabase, type TestDatabase } from "../support/backends.ts";

describeEachBackend("serve", (backend) => {
  let store: TestDatabase;
  const running: RunningHub[] = [];

  beforeEach(async () => {
    store = await openTestDatabase(backend);
  });
  afterEach(async () => {
    for (const hub of running.splice(0)) await hub.close();
    await store.dispose();
  });

  const config = (): ServeConfig => ({
    host: "127.0.0.1",
    port: 0,
    databaseUrl: store.databaseUrl,
    dataDir: store.dataDir,
    demo: false,
    logger: false,
  });

  async function start(onReady?: (hub: Hub) => Promise<void>) {
    const lines: string[] = [];
    const hub = await serve(config(), (line) => lines.push(line), onReady);
    running.push(hub);
    return { hub, lines };
  }

  it("listens, prints a first operator token once, and serves the API with it", async () => {
    let readyHub: Hub | undefined;
    const { hub, lines } = await start(async (opened) => {
      readyHub = opened;
    });
    expect(readyHub).toBe(hub.hub);
    expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const output = lines.join("\n");
    expect(output).toContain(`${hub.url}/docs`);
    expect(output).toContain(hub.hub.database.location);
    const token = /(chop_[A-Za-z0-9_-]{43})/.exec(output)?.[1];
    expect(token).toBeDefined();

    const response = await fetch(`${hub.url}/operator/v1/participants`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect((await fetch(`${hub.url}/operator/v1/participants`)).status).toBe(401);
    await hub.close();

    const again = await start();
    expect(again.lines.join("\n")).not.toContain("chop_");
    const reused = await fetch(`${again.hub.url}/operator/v1/participants`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reused.status).toBe(200);
  });

  it("closes the server and the hub on SIGTERM", async () => {
    const listenersBefore = process.listenerCount("SIGTERM");
    const { hub, lines } = await start();
    expect(process.listenerCount("SIGTERM")).toBe(listenersBefore + 1);
    // Call the handler directly: emitting the signal would also reach the test runner's own.
    const handler = process.listeners("SIGTERM").at(-1) as (signal: NodeJS.Signals) => void;
    handler("SIGTERM");
    await hub.close();
    expect(lines).toContain("SIGTERM: shutting down");
    expect(process.listenerCount("SIGTERM")).toBe(listenersBefore);
    await expect(fetch(`${hub.url}/health`)).rejects.toThrow();
  });

  it("closes the hub when onReady fails", async () => {
    const failing = serve(
      config(),
      () => {},
      async () => {
        throw new Error("seeding failed");
      },
    );
    await expect(failing).rejects.toThrow("seeding failed");
    // The store is free again: a new server can open it.
    const { hub } = await start();
    expect((await fetch(`${hub.url}/health`)).status).toBe(200);
  });
});
