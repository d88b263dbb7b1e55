import type { UnsignedNotice } from "@clearhub/wire";
import type { FaultOptions } from "../shared/fault-plan.ts";
import type { NoticeView } from "../shared/notice-sender.ts";
import type { SimulatorStats } from "../shared/simulator-stats.ts";
import type { AccountBalance, AccountSeed } from "./bank-account.ts";
import type { OtpMessage } from "./otp-inbox.ts";
import type { LedgerEntry, TransactionView } from "./transaction-desk.ts";

/** An agreement as the bank's books show it. */
export interface AgreementView {
  readonly agreementNumber: string;
  readonly paymentInstitutionId: string;
  readonly accountNumber: string;
  readonly endpointPath: string;
  readonly status: "signed" | "unsigned";
  readonly signedAt: string;
  readonly unsignedAt: string | undefined;
  readonly unsignedBy: "hub" | "bank" | undefined;
}

/** What a test, the demo or an operator may read and change in a running simulator. */
export interface BankSimulatorAdmin {
  /** The balance of every account. */
  balances(): AccountBalance[];
  /** One account's balance, or undefined. */
  balance(accountNumber: string): string | undefined;
  openAccount(seed: AccountSeed): AccountBalance;
  /** The messages a mobile number received, newest first. */
  inbox(mobile: string): readonly OtpMessage[];
  /** The newest one-time password sent to a mobile number. */
  latestOtp(mobile: string): string | undefined;
  agreements(): AgreementView[];
  /** Ends an agreement on the bank's side and notifies the hub; undefined if none is signed. */
  unsignAgreement(
    agreementNumber: string,
    reason?: UnsignedNotice["reason"],
  ): UnsignedNotice | undefined;
  /** Every operation applied to an account, in order: for reconciliation with the hub. */
  ledger(): LedgerEntry[];
  transaction(transactionId: string): TransactionView | undefined;
  transactions(): TransactionView[];
  /** The notices sent to the hub and whether they were delivered. */
  notices(): NoticeView[];
  faults(): FaultOptions;
  /** Changes some fault options at once; throws on values out of range. */
  setFaults(changes: Partial<FaultOptions>): FaultOptions;
  stats(): SimulatorStats;
}
