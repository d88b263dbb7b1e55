import type {
  AgreementsTable,
  BankCallsTable,
  BankEndpointsTable,
  BankNoticesTable,
  BankOperationsTable,
  BankPrimaryEndpointsTable,
  EndpointMigrationsTable,
} from "./bank-tables.ts";
import type {
  BarcodeDailyUsageTable,
  BarcodeLimitHoldsTable,
  BarcodeLimitsTable,
} from "./barcode-limit-tables.ts";
import type {
  BarcodePaymentsTable,
  BarcodeRefundsTable,
  CodePrefixesTable,
  DynamicCodeClaimsTable,
  MerchantsTable,
} from "./barcode-tables.ts";
import type {
  BillerProfilesTable,
  BillPaymentsTable,
  BillPresentmentsTable,
  BillSubscriptionCountsTable,
  BillSubscriptionsTable,
  ChannelStepsTable,
  ChannelSuspensionsTable,
} from "./biller-tables.ts";
import type { FeeSchedulesTable } from "./fee-tables.ts";
import type {
  AccountsTable,
  JournalHeadTable,
  JournalTable,
  OpenPendingsTable,
  ParticipantsTable,
  ReserveCapRulesTable,
  TransferDetailsTable,
  TransfersTable,
} from "./ledger-tables.ts";
import type {
  ApprovalsTable,
  AuditHeadTable,
  AuditLogTable,
  OperatorAccountsTable,
  OperatorSessionsTable,
  OperatorTokensTable,
} from "./operator-tables.ts";
import type {
  ParticipantKeysTable,
  SeenNoncesTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
} from "./participant-access-tables.ts";
import type { ReconBreaksTable, ReconRunsTable } from "./reconciliation-tables.ts";
import type {
  SettlementLegsTable,
  SettlementPositionsTable,
  SettlementSnapshotsTable,
  SettlementWindowsTable,
} from "./settlement-tables.ts";

/**
 * The tables as Kysely sees them. Integers that can exceed 2^53 (amounts, balances, sequence
 * numbers) are read as bigint on both dialects; see `database.ts`.
 */
export interface ClearhubSchema {
  participants: ParticipantsTable;
  accounts: AccountsTable;
  reserve_cap_rules: ReserveCapRulesTable;
  transfers: TransfersTable;
  open_pendings: OpenPendingsTable;
  journal: JournalTable;
  journal_head: JournalHeadTable;
  operator_tokens: OperatorTokensTable;
  operator_accounts: OperatorAccountsTable;
  operator_sessions: OperatorSessionsTable;
  approvals: ApprovalsTable;
  participant_keys: ParticipantKeysTable;
  seen_nonces: SeenNoncesTable;
  transfer_details: TransferDetailsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  bank_endpoints: BankEndpointsTable;
  bank_primary_endpoints: BankPrimaryEndpointsTable;
  endpoint_migrations: EndpointMigrationsTable;
  agreements: AgreementsTable;
  bank_notices: BankNoticesTable;
  bank_operations: BankOperationsTable;
  bank_calls: BankCallsTable;
  biller_profiles: BillerProfilesTable;
  channel_suspensions: ChannelSuspensionsTable;
  channel_steps: ChannelStepsTable;
  bill_subscriptions: BillSubscriptionsTable;
  bill_subscription_counts: BillSubscriptionCountsTable;
  bill_presentments: BillPresentmentsTable;
  bill_payments: BillPaymentsTable;
  barcode_payments: BarcodePaymentsTable;
  barcode_refunds: BarcodeRefundsTable;
  dynamic_code_claims: DynamicCodeClaimsTable;
  settlement_windows: SettlementWindowsTable;
  settlement_snapshots: SettlementSnapshotsTable;
  settlement_positions: SettlementPositionsTable;
  settlement_legs: SettlementLegsTable;
  recon_runs: ReconRunsTable;
  recon_breaks: ReconBreaksTable;
  fee_schedules: FeeSchedulesTable;
  barcode_limits: BarcodeLimitsTable;
  barcode_limit_holds: BarcodeLimitHoldsTable;
  barcode_daily_usage: BarcodeDailyUsageTable;
  merchants: MerchantsTable;
  code_prefixes: CodePrefixesTable;
}
