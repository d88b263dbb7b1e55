import { formatAmount, parseAmount } from "@clearhub/hub/src/domain/money/amount.ts";
import { type Currency, findCurrency } from "@clearhub/hub/src/domain/money/currency.ts";
import { normaliseSensitiveNumber } from "@clearhub/hub/src/domain/sensitive/sensitive-number.ts";
import { maskSensitiveNumber } from "@clearhub/hub/src/domain/sensitive/sensitive-number-mask.ts";

export type AccountStatus = "open" | "frozen" | "closed";

/** An account as configuration opens it, in the bank interface's spellings. */
export interface AccountSeed {
  readonly accountNumber: string;
  readonly holderName: string;
  readonly idNumber: string;
  /** E.164, e.g. +8613800138000: where one-time passwords go. */
  readonly mobile: string;
  readonly currency: string;
  /** A decimal string; zero is allowed. */
  readonly balance: string;
  readonly status?: AccountStatus | undefined;
}

/** A customer's account: the holder the bank knows, and the money in it. */
export interface Account {
  readonly accountNumber: string;
  readonly holderName: string;
  readonly idNumber: string;
  readonly mobile: string;
  readonly currency: Currency;
  balanceMinor: bigint;
  status: AccountStatus;
}

/** What the simulator shows of an account: its balance in the interface's spelling. */
export interface AccountBalance {
  readonly accountNumber: string;
  readonly currency: string;
  readonly balance: string;
  readonly status: AccountStatus;
}

const mobilePattern = /^\+[1-9][0-9]{5,14}$/;

/** Opens an account from its seed, or says which field is wrong. */
export function openAccount(seed: AccountSeed): Account | { readonly error: string } {
  const accountNumber = normaliseSensitiveNumber("bank_account_number", seed.accountNumber);
  const idNumber = normaliseSensitiveNumber("id_number", seed.idNumber);
  const currency = findCurrency(seed.currency);
  if (!accountNumber.ok) return { error: `account ${seed.accountNumber}: invalid number` };
  if (!idNumber.ok) return { error: `account ${seed.accountNumber}: invalid ID number` };
  if (!mobilePattern.test(seed.mobile))
    return { error: `account ${seed.accountNumber}: mobile not E.164` };
  if (currency === undefined) return { error: `account ${seed.accountNumber}: unknown currency` };
  const balance = parseAmount(seed.balance, currency, { allowZero: true });
  if (!balance.ok) return { error: `account ${seed.accountNumber}: balance ${balance.code}` };
  if (seed.holderName.trim() === "")
    return { error: `account ${seed.accountNumber}: no holder name` };
  return {
    accountNumber: accountNumber.value,
    holderName: seed.holderName.trim(),
    idNumber: idNumber.value,
    mobile: seed.mobile,
    currency,
    balanceMinor: balance.minor,
    status: seed.status ?? "open",
  };
}

export function accountBalance(account: Account): AccountBalance {
  return {
    accountNumber: account.accountNumber,
    currency: account.currency.code,
    balance: formatAmount(account.balanceMinor, account.currency),
    status: account.status,
  };
}

/** Names compare as people write them: case and runs of spaces do not matter. */
export function sameHolderName(a: string, b: string): boolean {
  const canonical = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
  return canonical(a) === canonical(b);
}

export function maskAccountNumber(accountNumber: string): string {
  return maskSensitiveNumber("bank_account_number", accountNumber);
}

/** A mobile number shows its last four digits, as a bank's text message would. */
export function maskMobile(mobile: string): string {
  return `****${mobile.slice(-4)}`;
}
