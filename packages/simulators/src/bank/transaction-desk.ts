import type {
  BankFailureReason,
  CreditRequest,
  DebitRequest,
  InquiryRequest,
  RefundRequest,
  TransactionAnswer,
} from "@clearhub/wire";
import { type Currency, findCurrency, formatAmount, parseAmount } from "../money/amount-codec.ts";
import { type Account, sameHolderName } from "./bank-account.ts";
import { type DeskResult, refusal } from "./desk-result.ts";
import type { Agreement } from "./signing-desk.ts";

export type MoneyOperation = "debit" | "credit" | "refund";

/**
 * What the fault plan decided for a new transaction: processed at once, declined at random,
 * or answered pending and decided later.
 */
export type TransactionFate = "process" | "decline" | "pend";

/** An operation the bank applied to an account: what reconciliation compares with the hub. */
export interface LedgerEntry {
  readonly sequence: number;
  readonly transactionId: string;
  readonly operation: MoneyOperation;
  readonly paymentInstitutionId: string;
  readonly accountNumber: string;
  /** Positive: the amount of the operation; debits take it out, credits and refunds put it in. */
  readonly amount: string;
  readonly currency: string;
  readonly balanceAfter: string;
  readonly endpointPath: string;
  readonly appliedAt: string;
}

interface AppliedEntry {
  readonly sequence: number;
  readonly record: TransactionRecord;
  readonly balanceAfterMinor: bigint;
  readonly appliedAtMs: number;
}

interface TransactionRecord {
  readonly transactionId: string;
  readonly operation: MoneyOperation | "unreceived";
  /** The request's content; undefined for an id closed by an inquiry. */
  readonly fingerprint: string | undefined;
  readonly paymentInstitutionId: string;
  readonly amountMinor: bigint;
  readonly currency: Currency | undefined;
  readonly endpointPath: string;
  /** The account moved: the agreement's, the creditor's, or the refunded debit's. */
  accountNumber: string | undefined;
  readonly agreementNumber?: string;
  readonly creditor?: CreditRequest["creditor"];
  readonly originalTransactionId?: string;
  answer: TransactionAnswer;
  /** For a debit: its refunds that succeeded or are pending. */
  refundedMinor: bigint;
}

export interface TransactionDeskContext {
  readonly accounts: ReadonlyMap<string, Account>;
  readonly agreement: (agreementNumber: string) => Agreement | undefined;
  readonly clock: () => number;
  readonly newId: (prefix: string) => string;
  /** Decides the fate of each new transaction (never of a repeat). */
  readonly fate: () => TransactionFate;
  /** Told of each new transaction left pending: something must resolve it later. */
  readonly onPending: (transactionId: string) => void;
}

export interface TransactionView {
  readonly transactionId: string;
  readonly operation: MoneyOperation | "unreceived";
  readonly paymentInstitutionId: string;
  readonly accountNumber: string | undefined;
  readonly amount: string | undefined;
  readonly currency: string | undefined;
  readonly answer: TransactionAnswer;
}

type Money = { readonly currency: Currency; readonly minor: bigint };

function readMoney(amount: string, currencyCode: string): Money | undefined {
  const currency = findCurrency(currencyCode);
  const parsed = currency === undefined ? undefined : parseAmount(amount, currency);
  return currency !== undefined && parsed?.ok === true
    ? { currency, minor: parsed.minor }
    : undefined;
}

function failed(
  of: { readonly transactionId: string },
  reason: BankFailureReason,
  text: string,
): TransactionAnswer {
  return {
    transactionId: of.transactionId,
    status: "failed",
    reasonCode: reason,
    reasonText: text,
  };
}

/**
 * Debits, credits and refunds as a bank applies them, each once per transaction id however
 * often it arrives: the id's first request decides, a repeat answers the outcome as it stands,
 * another request under the id is refused. Everything here is synchronous, so no two requests
 * interleave between checking an id and applying it.
 */
export class TransactionDesk {
  private readonly records = new Map<string, TransactionRecord>();
  private readonly applied: AppliedEntry[] = [];

  constructor(private readonly context: TransactionDeskContext) {}

  debit(request: DebitRequest, endpointPath: string): DeskResult<TransactionAnswer> {
    return this.admit("debit", request, endpointPath, [request.agreementNumber], {
      agreementNumber: request.agreementNumber,
    });
  }

  credit(request: CreditRequest, endpointPath: string): DeskResult<TransactionAnswer> {
    const { accountNumber, name } = request.creditor;
    return this.admit("credit", request, endpointPath, [accountNumber, name], {
      creditor: request.creditor,
    });
  }

  refund(request: RefundRequest, endpointPath: string): DeskResult<TransactionAnswer> {
    return this.admit("refund", request, endpointPath, [request.originalTransactionId], {
      originalTransactionId: request.originalTransactionId,
    });
  }

  /** Where a transaction stands; an id never received is closed as failed from now on. */
  inquire(request: InquiryRequest): TransactionAnswer {
    const known = this.records.get(request.transactionId);
    if (known !== undefined) return known.answer;
    const record: TransactionRecord = {
      transactionId: request.transactionId,
      operation: "unreceived",
      fingerprint: undefined,
      paymentInstitutionId: "",
      amountMinor: 0n,
      currency: undefined,
      endpointPath: "",
      accountNumber: undefined,
      answer: failed(request, "transaction_not_received", "the bank never received it"),
      refundedMinor: 0n,
    };
    this.records.set(record.transactionId, record);
    return record.answer;
  }

  /** Decides a pending transaction now; its final answer, or undefined if it was not pending. */
  resolvePending(
    transactionId: string,
  ): { operation: MoneyOperation; answer: TransactionAnswer } | undefined {
    const record = this.records.get(transactionId);
    if (
      record === undefined ||
      record.answer.status !== "pending" ||
      record.operation === "unreceived"
    ) {
      return undefined;
    }
    this.settle(record);
    return { operation: record.operation, answer: record.answer };
  }

  transaction(transactionId: string): TransactionView | undefined {
    const record = this.records.get(transactionId);
    return record === undefined ? undefined : view(record);
  }

  transactions(): TransactionView[] {
    return [...this.records.values()].map(view);
  }

  ledger(): LedgerEntry[] {
    return this.applied.map(ledgerEntry);
  }

  private admit(
    operation: MoneyOperation,
    request: DebitRequest | CreditRequest | RefundRequest,
    endpointPath: string,
    target: readonly string[],
    details: Partial<TransactionRecord>,
  ): DeskResult<TransactionAnswer> {
    const money = readMoney(request.amount, request.currency);
    if (money === undefined) {
      return refusal("request_invalid", "unknown currency, or more decimals than it has");
    }
    const fingerprint = JSON.stringify([
      operation,
      request.paymentInstitutionId,
      ...target,
      String(money.minor),
      money.currency.code,
      request.description ?? null,
    ]);
    const known = this.records.get(request.transactionId);
    if (known !== undefined) {
      if (known.fingerprint !== undefined && known.fingerprint !== fingerprint) {
        return refusal("idempotency_key_reused", "another transaction used this transactionId");
      }
      return { ok: true, answer: known.answer };
    }
    const record: TransactionRecord = {
      transactionId: request.transactionId,
      operation,
      fingerprint,
      paymentInstitutionId: request.paymentInstitutionId,
      amountMinor: money.minor,
      currency: money.currency,
      endpointPath,
      accountNumber: undefined,
      answer: { transactionId: request.transactionId, status: "pending" },
      refundedMinor: 0n,
      ...details,
    };
    this.records.set(record.transactionId, record);
    this.start(record, this.context.fate());
    return { ok: true, answer: record.answer };
  }

  private start(record: TransactionRecord, fate: TransactionFate): void {
    if (fate === "decline") {
      record.answer = failed(record, "declined", "declined by the bank's risk rules");
      return;
    }
    // A refund holds its amount against the debit from the start, pending or not, so that
    // refunds decided later can never together pass the debit.
    if (record.operation === "refund" && !this.reserveRefund(record)) return;
    if (fate === "process") this.settle(record);
    else this.context.onPending(record.transactionId);
  }

  private settle(record: TransactionRecord): void {
    if (record.operation === "debit") this.settleDebit(record);
    else if (record.operation === "credit") this.settleCredit(record);
    else if (record.operation === "refund") this.settleRefund(record);
  }

  private settleDebit(record: TransactionRecord): void {
    const agreement = this.context.agreement(record.agreementNumber ?? "");
    if (agreement === undefined || agreement.paymentInstitutionId !== record.paymentInstitutionId) {
      record.answer = failed(record, "agreement_unknown", "no such agreement");
      return;
    }
    if (agreement.status !== "signed") {
      record.answer = failed(record, "agreement_unsigned", "the agreement was unsigned");
      return;
    }
    record.accountNumber = agreement.accountNumber;
    const account = this.usableAccount(record);
    if (account === undefined) return;
    if (account.balanceMinor < record.amountMinor) {
      record.answer = failed(record, "insufficient_funds", "the balance is below the amount");
      return;
    }
    this.apply(record, account, -record.amountMinor);
  }

  private settleCredit(record: TransactionRecord): void {
    const creditor = record.creditor;
    const account = this.context.accounts.get(creditor?.accountNumber ?? "");
    if (creditor === undefined || account === undefined) {
      record.answer = failed(record, "account_unknown", "no such account");
      return;
    }
    if (!sameHolderName(account.holderName, creditor.name)) {
      record.answer = failed(record, "creditor_name_mismatch", "the name is not the holder's");
      return;
    }
    record.accountNumber = account.accountNumber;
    const usable = this.usableAccount(record);
    if (usable !== undefined) this.apply(record, usable, record.amountMinor);
  }

  private reserveRefund(record: TransactionRecord): boolean {
    const original = this.records.get(record.originalTransactionId ?? "");
    if (
      original === undefined ||
      original.operation !== "debit" ||
      original.paymentInstitutionId !== record.paymentInstitutionId
    ) {
      record.answer = failed(record, "original_transaction_unknown", "no such debit");
      return false;
    }
    if (original.answer.status !== "succeeded" || original.currency !== record.currency) {
      record.answer = failed(
        record,
        "original_transaction_not_refundable",
        "not a succeeded debit in this currency",
      );
      return false;
    }
    if (original.refundedMinor + record.amountMinor > original.amountMinor) {
      record.answer = failed(record, "refund_exceeds_debit", "the refunds would pass the debit");
      return false;
    }
    original.refundedMinor += record.amountMinor;
    record.accountNumber = original.accountNumber;
    return true;
  }

  private settleRefund(record: TransactionRecord): void {
    const account = this.context.accounts.get(record.accountNumber ?? "");
    if (account === undefined || account.status === "closed") {
      const original = this.records.get(record.originalTransactionId ?? "");
      if (original !== undefined) original.refundedMinor -= record.amountMinor;
      record.answer = failed(record, "account_closed", "the debited account is closed");
      return;
    }
    this.apply(record, account, record.amountMinor);
  }

  /** The record's account if it can be moved, else undefined with the record failed. */
  private usableAccount(record: TransactionRecord): Account | undefined {
    const account = this.context.accounts.get(record.accountNumber ?? "");
    if (account === undefined) {
      record.answer = failed(record, "account_unknown", "no such account");
      return undefined;
    }
    if (account.status !== "open") {
      const reason = account.status === "closed" ? "account_closed" : "account_frozen";
      record.answer = failed(record, reason, `the account is ${account.status}`);
      return undefined;
    }
    if (account.currency !== record.currency) {
      record.answer = failed(
        record,
        "currency_not_supported",
        `the account is held in ${account.currency.code}`,
      );
      return undefined;
    }
    return account;
  }

  private apply(record: TransactionRecord, account: Account, deltaMinor: bigint): void {
    account.balanceMinor += deltaMinor;
    const appliedAtMs = this.context.clock();
    this.applied.push({
      sequence: this.applied.length + 1,
      record,
      balanceAfterMinor: account.balanceMinor,
      appliedAtMs,
    });
    record.answer = {
      transactionId: record.transactionId,
      status: "succeeded",
      bankReference: this.context.newId("TX"),
      completedAt: new Date(appliedAtMs).toISOString(),
    };
  }
}

function view(record: TransactionRecord): TransactionView {
  return {
    transactionId: record.transactionId,
    operation: record.operation,
    paymentInstitutionId: record.paymentInstitutionId,
    accountNumber: record.accountNumber,
    amount:
      record.currency === undefined ? undefined : formatAmount(record.amountMinor, record.currency),
    currency: record.currency?.code,
    answer: record.answer,
  };
}

function ledgerEntry(entry: AppliedEntry): LedgerEntry {
  const { record } = entry;
  const currency = record.currency as Currency;
  return {
    sequence: entry.sequence,
    transactionId: record.transactionId,
    operation: record.operation as MoneyOperation,
    paymentInstitutionId: record.paymentInstitutionId,
    accountNumber: record.accountNumber ?? "",
    amount: formatAmount(record.amountMinor, currency),
    currency: currency.code,
    balanceAfter: formatAmount(entry.balanceAfterMinor, currency),
    endpointPath: record.endpointPath,
    appliedAt: new Date(entry.appliedAtMs).toISOString(),
  };
}
