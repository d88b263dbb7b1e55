/**
 * Simulators of the parties clearhub talks to, each implementing, over real HTTP, the interface
 * the hub publishes for it: tests, the demo and the benchmarks run against them.
 */
export type { AccountBalance, AccountSeed, AccountStatus } from "./bank/bank-account.ts";
export {
  type BankSimulator,
  type BankSimulatorOptions,
  startBankSimulator,
} from "./bank/bank-simulator.ts";
export type { AgreementView, BankSimulatorAdmin } from "./bank/bank-simulator-admin.ts";
export { demoAccounts } from "./bank/demo-accounts.ts";
export type { OtpMessage } from "./bank/otp-inbox.ts";
export type { SigningRules } from "./bank/signing-desk.ts";
export type { LedgerEntry, TransactionView } from "./bank/transaction-desk.ts";
export { type FaultOptions, faultOptionsDefaults } from "./shared/fault-plan.ts";
export type { NoticeView } from "./shared/notice-sender.ts";
export type { SimulatorStats } from "./shared/simulator-stats.ts";
