/**
 * One hub node of test/adapters/audit-log-store.test.ts. Run as
 * `node --import tsx audit-append-worker.ts '<WorkerConfig as JSON>'`: it opens the shared store
 * and appends `count` audit entries, a few at a time, then exits 0 (1 with the error on stderr).
 */
import { openDatabase } from "../../src/adapters/store/database.ts";
import { KyselyAuditLogStore } from "../../src/adapters/store/kysely-audit-log-store.ts";

export interface WorkerConfig {
  readonly worker: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string | undefined;
  readonly count: number;
  readonly concurrency: number;
}

const config = JSON.parse(process.argv[2] ?? "") as WorkerConfig;
const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const store = new KyselyAuditLogStore(database.kysely);
let next = 0;
try {
  const lanes = Array.from({ length: config.concurrency }, async () => {
    while (next < config.count) {
      const index = next++;
      await store.append({
        at: Date.now(),
        actor: { kind: "system", id: config.worker, name: `worker ${config.worker}` },
        action: "bank_endpoint.update",
        subject: `worker:${config.worker}`,
        details: { index },
      });
    }
  });
  await Promise.all(lanes);
  process.exitCode = 0;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
