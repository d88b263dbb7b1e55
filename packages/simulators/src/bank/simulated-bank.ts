import type {
  CreditRequest,
  DebitRequest,
  InquiryRequest,
  RefundRequest,
  SignConfirmation,
  SignRequest,
  TransactionResultNotice,
  UnsignedNotice,
  UnsignRequest,
} from "@clearhub/wire";
import { type BankOperationName, hubNoticeOperations } from "@clearhub/wire";

import type { FaultPlan } from "../shared/fault-plan.ts";
import type { NoticeSender } from "../shared/notice-sender.ts";
import { type RandomSource, randomTag } from "../shared/random-source.ts";
import {
  type Account,
  type AccountBalance,
  type AccountSeed,
  accountBalance,
  openAccount,
} from "./bank-account.ts";
import type { DeskResult } from "./desk-result.ts";
import { OtpInbox } from "./otp-inbox.ts";
import { type Agreement, SigningDesk, type SigningRules } from "./signing-desk.ts";
import { TransactionDesk } from "./transaction-desk.ts";

export interface SimulatedBankContext {
  readonly random: RandomSource;
  readonly clock: () => number;
  readonly faults: FaultPlan;
  readonly notices: NoticeSender;
  readonly signingRules: SigningRules;
}

/** Every request body, as the interface's schemas checked it, by operation. */
export interface OperationRequests {
  readonly requestSigning: SignRequest;
  readonly confirmSigning: SignConfirmation;
  readonly unsign: UnsignRequest;
  readonly debit: DebitRequest;
  readonly credit: CreditRequest;
  readonly refund: RefundRequest;
  readonly inquire: InquiryRequest;
}

/**
 * The bank behind the simulator's HTTP face: its accounts, its customers' phones, its signing
 * and transaction desks, and the timers that decide pending transactions. Every request is
 * handled synchronously, so concurrent duplicates cannot interleave.
 */
export class SimulatedBank {
  readonly accounts = new Map<string, Account>();
  readonly inbox = new OtpInbox();
  readonly signing: SigningDesk;
  readonly transactions: TransactionDesk;
  private readonly idTag: string;
  private idSequence = 0;
  private readonly pendingTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly context: SimulatedBankContext) {
    this.idTag = randomTag(context.random, 4);
    const newId = (prefix: string) => this.newId(prefix);
    this.signing = new SigningDesk({
      accounts: this.accounts,
      inbox: this.inbox,
      random: context.random,
      clock: context.clock,
      rules: context.signingRules,
      newId,
    });
    this.transactions = new TransactionDesk({
      accounts: this.accounts,
      agreement: (agreementNumber) => this.signing.agreement(agreementNumber),
      clock: context.clock,
      newId,
      fate: () => context.faults.fate(),
      onPending: (transactionId) => this.decideLater(transactionId),
    });
  }

  /** Opens an account; throws on an invalid seed or a number already open. */
  openAccount(seed: AccountSeed): AccountBalance {
    const account = openAccount(seed);
    if ("error" in account) throw new Error(account.error);
    if (this.accounts.has(account.accountNumber)) {
      throw new Error(`account ${account.accountNumber} is already open`);
    }
    this.accounts.set(account.accountNumber, account);
    return accountBalance(account);
  }

  balances(): AccountBalance[] {
    return [...this.accounts.values()].map(accountBalance);
  }

  agreements(): readonly Agreement[] {
    return this.signing.agreements();
  }

  /** Each operation of the interface, by name, to the desk that handles it. */
  private readonly desks: {
    readonly [Name in BankOperationName]: (
      body: OperationRequests[Name],
      endpointPath: string,
    ) => DeskResult<unknown>;
  } = {
    requestSigning: (body, endpointPath) => this.signing.requestSigning(body, endpointPath),
    confirmSigning: (body) => this.signing.confirmSigning(body),
    unsign: (body) => this.signing.unsign(body),
    debit: (body, endpointPath) => this.transactions.debit(body, endpointPath),
    credit: (body, endpointPath) => this.transactions.credit(body, endpointPath),
    refund: (body, endpointPath) => this.transactions.refund(body, endpointPath),
    inquire: (body) => ({ ok: true, answer: this.transactions.inquire(body) }),
  };

  handle<Name extends BankOperationName>(
    name: Name,
    body: OperationRequests[Name],
    endpointPath: string,
  ): DeskResult<unknown> {
    const desk = this.desks[name] as (
      body: OperationRequests[Name],
      endpointPath: string,
    ) => DeskResult<unknown>;
    return desk(body, endpointPath);
  }

  /**
   * The bank ends an agreement on its own side and tells the hub; the notice, or undefined
   * when there is no such signed agreement.
   */
  unsignByBank(
    agreementNumber: string,
    reason: UnsignedNotice["reason"],
  ): UnsignedNotice | undefined {
    const ended = this.signing.unsignByBank(agreementNumber, reason);
    if (ended === undefined) return undefined;
    const notice: UnsignedNotice = { noticeId: this.newId("NT"), ...ended };
    this.context.notices.send(hubNoticeOperations.unsignedNotice.path, notice);
    return notice;
  }

  /** Stops deciding pending transactions; those not yet decided stay pending. */
  close(): void {
    for (const timer of this.pendingTimers) clearTimeout(timer);
    this.pendingTimers.clear();
  }

  private decideLater(transactionId: string): void {
    const timer = setTimeout(() => {
      this.pendingTimers.delete(timer);
      const decided = this.transactions.resolvePending(transactionId);
      if (decided === undefined || decided.answer.status === "pending") return;
      const notice: TransactionResultNotice = {
        noticeId: this.newId("NT"),
        operation: decided.operation,
        result: decided.answer,
      };
      this.context.notices.send(hubNoticeOperations.transactionResultNotice.path, notice);
    }, this.context.faults.options.pendingDelayMs);
    this.pendingTimers.add(timer);
  }

  private newId(prefix: string): string {
    this.idSequence += 1;
    return `${prefix}${this.idTag}${String(this.idSequence).padStart(8, "0")}`;
  }
}
