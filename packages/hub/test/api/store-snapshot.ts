/**
 * Every row of every table, to prove what a request wrote: compare a snapshot taken before it
 * with one taken after. Rows are compared whole, so an update shows as one row removed and one
 * added. Meant for the small stores of tests.
 */
import type { Database } from "../../src/adapters/store/database.ts";
import type { ClearhubSchema } from "../../src/adapters/store/schema.ts";

export type TableName = keyof ClearhubSchema;

/** A Record over the schema's tables, so that a new table cannot be left out of the snapshot. */
const everyTable: Readonly<Record<TableName, true>> = {
  participants: true,
  accounts: true,
  reserve_cap_rules: true,
  transfers: true,
  open_pendings: true,
  journal: true,
  journal_head: true,
  operator_tokens: true,
  operator_accounts: true,
  operator_sessions: true,
  approvals: true,
  participant_keys: true,
  seen_nonces: true,
  transfer_details: true,
  webhook_endpoints: true,
  webhook_deliveries: true,
  audit_log: true,
  audit_head: true,
  bank_endpoints: true,
  bank_primary_endpoints: true,
  endpoint_migrations: true,
  agreements: true,
  bank_notices: true,
  bank_operations: true,
  bank_calls: true,
  biller_profiles: true,
  channel_suspensions: true,
  channel_steps: true,
  bill_subscriptions: true,
  bill_subscription_counts: true,
  bill_presentments: true,
  bill_payments: true,
  barcode_payments: true,
  barcode_refunds: true,
  dynamic_code_claims: true,
  settlement_windows: true,
  settlement_snapshots: true,
  settlement_positions: true,
  settlement_legs: true,
  recon_runs: true,
  recon_breaks: true,
  fee_schedules: true,
  barcode_limits: true,
  barcode_limit_holds: true,
  barcode_daily_usage: true,
  merchants: true,
  code_prefixes: true,
};
const tableNames = Object.keys(everyTable) as TableName[];

export type StoreSnapshot = ReadonlyMap<TableName, ReadonlySet<string>>;

export interface TableChange {
  readonly added: Record<string, unknown>[];
  readonly removed: Record<string, unknown>[];
}

export type StoreChanges = Partial<Record<TableName, TableChange>>;

/** Both dialects read some integers as bigint; JSON has no bigint. */
function rowText(row: unknown): string {
  return JSON.stringify(row, (_key, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

export async function snapshotStore(database: Database): Promise<StoreSnapshot> {
  const snapshot = new Map<TableName, Set<string>>();
  for (const table of tableNames) {
    const rows = await database.kysely.selectFrom(table).selectAll().execute();
    snapshot.set(table, new Set(rows.map(rowText)));
  }
  return snapshot;
}

function rowsOnlyIn(
  these: ReadonlySet<string>,
  those: ReadonlySet<string>,
): Record<string, unknown>[] {
  return [...these].filter((row) => !those.has(row)).map((row) => JSON.parse(row));
}

/** The tables whose rows differ, with the rows added and removed; {} when nothing changed. */
export function storeChanges(before: StoreSnapshot, after: StoreSnapshot): StoreChanges {
  const changes: StoreChanges = {};
  for (const table of tableNames) {
    const was = before.get(table) ?? new Set<string>();
    const is = after.get(table) ?? new Set<string>();
    const added = rowsOnlyIn(is, was);
    const removed = rowsOnlyIn(was, is);
    if (added.length > 0 || removed.length > 0) changes[table] = { added, removed };
  }
  return changes;
}
