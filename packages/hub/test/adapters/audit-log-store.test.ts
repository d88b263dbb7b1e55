/**
 * The audit log through KyselyAuditLogStore on both backends: appends chain one after another,
 * list newest first with filters, and verify; each kind of tampering behind the hub's back is
 * named as the first broken link, by verifyAuditLog and by `clearhub verify`. Appends from two
 * processes at once (two hub nodes, or the CLI beside a running hub) form one chain.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RawBuilder, sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { KyselyAuditLogStore } from "../../src/adapters/store/kysely-audit-log-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import { verifyAuditLog } from "../../src/app/audit/verify-audit-log.ts";
import type { AuditRecord } from "../../src/domain/audit/audit-entry.ts";
import {
  type Backend,
  describeEachBackend,
  openTestDatabase,
  type TestDatabase,
} from "../support/backends.ts";
import type { WorkerConfig } from "./audit-append-worker.ts";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..", "..");
const cliPath = join(packageDir, "bin", "clearhub.mjs");
const workerFile = join(here, "audit-append-worker.ts");

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const kysely = test.database.kysely;
  return { test, kysely, store: new KyselyAuditLogStore(kysely) };
}

function record(subject: string, details: AuditRecord["details"] = {}): AuditRecord {
  return {
    at: 1_000,
    actor: { kind: "operator_token", id: "tok-1", name: "ops" },
    action: "participant.status_change",
    subject,
    details,
  };
}

async function appendThree(store: KyselyAuditLogStore): Promise<void> {
  await store.append(record("participant:a", { to: "suspended" }));
  await store.append({ ...record("participant:b"), action: "participant.create" });
  await store.append(record("participant:a", { to: "active" }));
}

function exec(test: TestDatabase, query: RawBuilder<unknown>) {
  return query.execute(test.database.kysely);
}

/** Runs a process to completion, collecting its output. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.CLEARHUB_DATA_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: packageDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function target(test: TestDatabase): string[] {
  return test.databaseUrl !== undefined
    ? ["--database-url", test.databaseUrl]
    : ["--data-dir", test.dataDir as string];
}

describeEachBackend("audit log store", (backend) => {
  it("chains appends from the genesis head and lists them newest first, filtered", async () => {
    const { store } = await openStore(backend);
    expect(await verifyAuditLog(store)).toEqual({ ok: true, entries: 0, firstBroken: null });
    await appendThree(store);
    const all = await store.list({ limit: 10 });
    expect(all.map((entry) => entry.seq)).toEqual([3, 2, 1]);
    expect(all[2]?.prevHash).toBe("0".repeat(64));
    expect(all[1]?.prevHash).toBe(all[2]?.hash);
    expect(all[0]).toMatchObject({ subject: "participant:a", details: { to: "active" } });
    expect(await store.readHead()).toEqual({ seq: 3, hash: all[0]?.hash });
    const bySubject = await store.list({ subject: "participant:a", limit: 10 });
    expect(bySubject.map((entry) => entry.seq)).toEqual([3, 1]);
    const byAction = await store.list({ action: "participant.create", limit: 10 });
    expect(byAction.map((entry) => entry.seq)).toEqual([2]);
    expect((await store.list({ beforeSeq: 3, limit: 1 })).map((e) => e.seq)).toEqual([2]);
    expect((await store.readChain(1, 10)).map((entry) => entry.seq)).toEqual([2, 3]);
    expect(await verifyAuditLog(store)).toEqual({ ok: true, entries: 3, firstBroken: null });
  });

  it("appends with a change in its transaction, and not at all when the change is refused", async () => {
    const { kysely, store } = await openStore(backend);
    const participants = new KyselyParticipantStore(kysely);
    const participant = {
      id: "bank-a",
      name: "Bank A",
      kind: "bank" as const,
      status: "active" as const,
      createdAt: 1,
    };
    const audit = { ...record("participant:bank-a"), action: "participant.create" as const };
    expect(await participants.createParticipant(participant, [], audit)).toBe(true);
    expect(await participants.createParticipant(participant, [], audit)).toBe(false);
    expect(await participants.setStatus("bank-a", "suspended", "active", audit)).toBe(false);
    expect((await store.list({ limit: 10 })).map((entry) => entry.subject)).toEqual([
      "participant:bank-a",
    ]);
  });

  it("names the first broken link of each kind of tampering", async () => {
    const cases: {
      tamper: RawBuilder<unknown>[];
      firstBroken: { seq: number; problem: string };
      entries: number;
    }[] = [
      {
        tamper: [sql`update audit_log set details = ${'{"to":"terminated"}'} where seq = 1`],
        firstBroken: { seq: 1, problem: "hash_mismatch" },
        entries: 0,
      },
      {
        tamper: [sql`update audit_log set actor_name = ${"someone else"} where seq = 2`],
        firstBroken: { seq: 2, problem: "hash_mismatch" },
        entries: 1,
      },
      {
        tamper: [sql`delete from audit_log where seq = 2`],
        firstBroken: { seq: 3, problem: "seq_gap" },
        entries: 1,
      },
      {
        tamper: [sql`update audit_log set prev_hash = ${"f".repeat(64)} where seq = 3`],
        firstBroken: { seq: 3, problem: "prev_hash_mismatch" },
        entries: 2,
      },
      {
        tamper: [sql`delete from audit_log where seq = 3`],
        firstBroken: { seq: 3, problem: "head_mismatch" },
        entries: 2,
      },
    ];
    for (const { tamper, firstBroken, entries } of cases) {
      const { test, store } = await openStore(backend);
      await appendThree(store);
      for (const query of tamper) await exec(test, query);
      expect(await verifyAuditLog(store)).toEqual({ ok: false, entries, firstBroken });
    }
  });

  it("`clearhub verify` fails naming the broken link of a tampered audit log", async () => {
    const { test, store } = await openStore(backend);
    await appendThree(store);
    const clean = await run([cliPath, "verify", ...target(test)]);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain("audit log verified: 3 entries\n");
    await exec(test, sql`update audit_log set subject = ${"participant:z"} where seq = 2`);
    const tampered = await run([cliPath, "verify", ...target(test)]);
    expect(tampered.code, tampered.stderr).toBe(1);
    expect(tampered.stdout).toContain(
      "AUDIT LOG VERIFICATION FAILED: first broken link at entry 2 (hash_mismatch); 1 entries before it verified\n",
    );
  });

  it("forms one chain from appends of two processes at once", async () => {
    const { test, store } = await openStore(backend);
    const count = 30;
    const workers = ["n1", "n2"].map((worker) => {
      const config: WorkerConfig = {
        worker,
        databaseUrl: test.databaseUrl,
        dataDir: test.dataDir,
        count,
        concurrency: 3,
      };
      return run(["--import", "tsx", workerFile, JSON.stringify(config)]);
    });
    for (const done of await Promise.all(workers)) expect(done.code, done.stderr).toBe(0);
    expect(await verifyAuditLog(store)).toEqual({
      ok: true,
      entries: 2 * count,
      firstBroken: null,
    });
    for (const worker of ["n1", "n2"]) {
      const entries = await store.list({ subject: `worker:${worker}`, limit: 100 });
      const indices = entries.map((entry) => entry.details.index as number);
      expect(indices.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });
});
