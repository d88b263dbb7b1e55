/**
 * Simulators of the parties clearhub talks to, each implementing, over real HTTP, the interface
 * the hub publishes for it (a bank, a biller, a wallet or prepaid card issuer): tests, the demo
 * and the benchmarks run against them.
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
export type { BillSeed, BillState, CustomerSeed } from "./biller/biller-customer.ts";
export {
  type BillerSimulator,
  type BillerSimulatorOptions,
  startBillerSimulator,
} from "./biller/biller-simulator.ts";
export type { BillerSimulatorAdmin, CustomerView } from "./biller/biller-simulator-admin.ts";
export {
  type CapacityOptions,
  capacityOptionsDefaults,
  capacityVerdict,
} from "./biller/capacity-gate.ts";
export { type DemoBiller, demoBiller, demoBillers } from "./biller/demo-billers.ts";
export type { LoadView, SecondLoad } from "./biller/load-meter.ts";
export type { PostingView } from "./biller/posting-desk.ts";
export { type FaultOptions, faultOptionsDefaults } from "./shared/fault-plan.ts";
export type { NoticeView } from "./shared/notice-sender.ts";
export type { ArrivalVerdict, Sleeper } from "./shared/signed-interface-routes.ts";
export type { SimulatorStats } from "./shared/simulator-stats.ts";
export type { PaymentView as WalletPaymentView } from "./wallet/code-payment-desk.ts";
export { type DemoWallet, demoWallet, demoWallets } from "./wallet/demo-wallets.ts";
export { codeLifetimeMsDefault, paymentCodeLength } from "./wallet/payment-code-book.ts";
export type { PrepaidCardSeed, WalletCustomerSeed } from "./wallet/wallet-customer.ts";
export type { RefundView as WalletRefundView } from "./wallet/wallet-refund-desk.ts";
export {
  startWalletSimulator,
  type WalletSimulator,
  type WalletSimulatorOptions,
} from "./wallet/wallet-simulator.ts";
export type {
  PaymentCodeView,
  PrepaidCardView,
  WalletBooks,
  WalletCustomerView,
  WalletSimulatorAdmin,
} from "./wallet/wallet-simulator-admin.ts";
