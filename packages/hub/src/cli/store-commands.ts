import type { Command } from "commander";
import { migrateToLatest, openDatabase } from "../adapters/store/database.ts";
import { KyselyAuditLogStore } from "../adapters/store/kysely-audit-log-store.ts";
import { KyselySettlementStore } from "../adapters/store/kysely-settlement-store.ts";
import { type AuditVerifyReport, verifyAuditLog } from "../app/audit/verify-audit-log.ts";
import { verifyLedger } from "../app/ledger/verify-ledger.ts";
import {
  type SettlementVerifyReport,
  verifySettlementWindows,
} from "../app/settlement/verify-settlement-windows.ts";
import { createLedgerStore } from "../hub.ts";
import { environment, stderr } from "./command-line.ts";
import { openExistingStore } from "./existing-store.ts";

/** The audit log's verdict, as `clearhub verify` prints it. */
function auditVerdict(report: AuditVerifyReport): string {
  if (report.firstBroken === null) return `audit log verified: ${report.entries} entries`;
  const { seq, problem } = report.firstBroken;
  return `AUDIT LOG VERIFICATION FAILED: first broken link at entry ${seq} (${problem}); ${report.entries} entries before it verified`;
}

/** The settlement windows' verdict, then one line per problem. */
function settlementVerdict(report: SettlementVerifyReport): string {
  const verdict = report.ok
    ? "settlement windows verified"
    : "SETTLEMENT WINDOW VERIFICATION FAILED";
  return [`${verdict}: ${report.windows} windows`, ...report.problems.map((p) => `  - ${p}`)].join(
    "\n",
  );
}

/** `clearhub migrate` and `clearhub verify`: the store's schema and its integrity. */
export function addStoreCommands(program: Command): void {
  program
    .command("migrate")
    .description("bring the database schema up to date")
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
      environment.databaseUrl,
    )
    .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
    .action(async (options: { databaseUrl?: string; dataDir: string }) => {
      const database = openDatabase(options);
      await migrateToLatest(database);
      stderr(`schema up to date at ${database.location}`);
      await database.close();
    });

  program
    .command("verify")
    .description(
      "recompute the journal's hash chain and every balance from the transfers, every settlement window's net positions from its transfers, and the audit log's hash chain; exit 1 on any difference",
    )
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
      environment.databaseUrl,
    )
    .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
    .option("--json", "print one JSON object")
    .action(async (options: { databaseUrl?: string; dataDir: string; json?: boolean }) => {
      const database = await openExistingStore(options);
      try {
        const ledgerStore = createLedgerStore(database);
        const report = await verifyLedger(ledgerStore, (checked, head) => {
          if (options.json !== true) stderr(`  checked ${checked} / ${head} batches`);
        });
        const settlement = await verifySettlementWindows(
          new KyselySettlementStore(database.kysely, database.dialect),
          ledgerStore,
        );
        const audit = await verifyAuditLog(new KyselyAuditLogStore(database.kysely));
        const ok = report.ok && settlement.ok && audit.ok;
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify({ ...report, ok, settlement, audit })}\n`);
        } else {
          const verdict = report.ok ? "ledger verified" : "LEDGER VERIFICATION FAILED";
          process.stdout.write(
            `${verdict}: ${report.batches} batches, ${report.transfers} transfers, ${report.accounts} accounts at ${database.location}\n`,
          );
          for (const problem of report.problems) process.stdout.write(`  - ${problem}\n`);
          process.stdout.write(`${settlementVerdict(settlement)}\n`);
          process.stdout.write(`${auditVerdict(audit)}\n`);
        }
        process.exitCode = ok ? 0 : 1;
      } finally {
        await database.close();
      }
    });
}
