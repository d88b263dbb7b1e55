/**
 * A hub whose start fails midway leaves nothing running: what it had opened (Redis, the
 * database, the jobs, the listener) is closed again before the error reaches the caller.
 */
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { generateDataKeyEntry } from "../../src/adapters/crypto/data-key-entry.ts";
import { sqliteFileName } from "../../src/adapters/store/database.ts";
import { serve } from "../../src/cli/serve.ts";
import { openHub } from "../../src/hub.ts";
import { PeriodicJob } from "../../src/jobs/periodic-job.ts";
import { describeEachBackend, openTestDatabase, type TestDatabase } from "../support/backends.ts";
import { describeWithRedis, redisTestKeyPrefix, redisTestUrl } from "../support/redis.ts";

/** The sockets and listeners keeping this process alive: a connection left open shows here. */
function openNetworkHandles(): string[] {
  return process
    .getActiveResourcesInfo()
    .filter((resource) => resource === "TCPSocketWrap" || resource === "TCPServerWrap")
    .sort();
}

/** Records the TCP connections opened from now on, so that the test can see them close. */
function watchConnections(): Set<Socket> {
  const connections = new Set<Socket>();
  const connect = Socket.prototype.connect;
  vi.spyOn(Socket.prototype, "connect").mockImplementation(function (
    this: Socket,
    ...args: Parameters<Socket["connect"]>
  ) {
    connections.add(this);
    return Reflect.apply(connect, this, args);
  });
  return connections;
}

/**
 * A closed socket's handle goes once its close callback has run, which the socket announces
 * with 'close'; a connection the hub quit is closed by the server a little later. So every
 * connection opened is waited for by that event, not for a time: one the hub left open never
 * closes, and the test fails by its timeout.
 */
async function expectNetworkHandles(expected: string[], connections: Set<Socket>): Promise<void> {
  const open = [...connections].filter((socket) => !socket.closed);
  await Promise.all(open.map((socket) => once(socket, "close")));
  expect(openNetworkHandles()).toEqual(expected);
}

/** Records which periodic jobs started and which stopped again. */
function watchJobs() {
  const started = new Set<PeriodicJob>();
  const stopped = new Set<PeriodicJob>();
  const start = PeriodicJob.prototype.start;
  const stop = PeriodicJob.prototype.stop;
  vi.spyOn(PeriodicJob.prototype, "start").mockImplementation(function (this: PeriodicJob) {
    started.add(this);
    start.call(this);
  });
  vi.spyOn(PeriodicJob.prototype, "stop").mockImplementation(function (this: PeriodicJob) {
    stopped.add(this);
    return stop.call(this);
  });
  return { started, stopped };
}

function holdPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") throw new Error("no TCP address");
      resolve({ server, port: address.port });
    });
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describeWithRedis("a hub whose database is unreachable", () => {
  it("closes the Redis connection it had opened and throws the database's error", async () => {
    const before = openNetworkHandles();
    const connections = watchConnections();
    const opening = openHub({
      redisUrl: redisTestUrl(),
      redisKeyPrefix: redisTestKeyPrefix(),
      // Nothing listens on port 1: the connection is refused at once.
      databaseUrl: "postgres://clearhub@127.0.0.1:1/clearhub",
      dataKeys: generateDataKeyEntry(new Date()).entry,
    });
    await expect(opening).rejects.toThrow(/ECONNREFUSED/);
    await expectNetworkHandles(before, connections);
  });
});

describeEachBackend("serving on a port already in use", (backend) => {
  let held: { server: Server; port: number };
  let store: TestDatabase | undefined;
  let dataDir: string;

  beforeEach(async () => {
    held = await holdPort();
    dataDir = await mkdtemp(join(tmpdir(), "clearhub-failed-start-"));
    // SQLite: a directory of the hub's own, so that no other connection holds its file.
    store = backend === "postgres" ? await openTestDatabase(backend) : undefined;
  });
  afterEach(async () => {
    await new Promise((resolve) => held.server.close(resolve));
    await store?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("stops the jobs, closes the listener, Redis and the database, then says the port is in use", async () => {
    const jobs = watchJobs();
    const before = openNetworkHandles();
    const connections = watchConnections();
    const serving = serve(
      {
        host: "127.0.0.1",
        port: held.port,
        databaseUrl: store?.databaseUrl,
        dataDir,
        redisUrl: redisTestUrl(),
        demo: false,
        logger: false,
      },
      () => {},
    );
    await expect(serving).rejects.toThrow(`port ${held.port} on 127.0.0.1 is in use`);
    expect(jobs.started.size).toBeGreaterThan(0);
    expect(jobs.stopped).toEqual(jobs.started);
    await expectNetworkHandles(before, connections);
    // SQLite removes the write-ahead log when its last connection closes.
    if (backend === "sqlite") {
      expect(existsSync(join(dataDir, sqliteFileName))).toBe(true);
      expect(existsSync(join(dataDir, `${sqliteFileName}-wal`))).toBe(false);
    }
  });
});
