import { type Currency, findCurrency, formatAmount, parseAmount } from "../money/amount-codec.ts";

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
const accountNumberPattern = /^[A-Za-z0-9]{6,34}$/;
const idNumberPattern = /^[A-Za-z0-9]{5,32}$/;
/** Longer text than this is no number of any kind; refusing it first bounds the work. */
const numberTextLengthMax = 64;

/**
 * An account or ID number in the one form the bank keeps, as the interface spells it: the
 * separators people type ("6222 0210…", "DE89-3704…") removed, letters upper-cased. The
 * character set is checked before upper-casing, which turns some letters outside A-Z into
 * ones inside it.
 */
function normaliseNumber(text: string, pattern: RegExp): string | undefined {
  if (text.length > numberTextLengthMax) return undefined;
  const compact = text.replace(/[ -]/g, "");
  return pattern.test(compact) ? compact.toUpperCase() : undefined;
}

/** Opens an account from its seed, or says which field is wrong. */
export function openAccount(seed: AccountSeed): Account | { readonly error: string } {
  const accountNumber = normaliseNumber(seed.accountNumber, accountNumberPattern);
  const idNumber = normaliseNumber(seed.idNumber, idNumberPattern);
  const currency = findCurrency(seed.currency);
  if (accountNumber === undefined)
    return { error: `account ${seed.accountNumber}: invalid number` };
  if (idNumber === undefined) return { error: `account ${seed.accountNumber}: invalid ID number` };
  if (!mobilePattern.test(seed.mobile))
    return { error: `account ${seed.accountNumber}: mobile not E.164` };
  if (currency === undefined) return { error: `account ${seed.accountNumber}: unknown currency` };
  const balance = parseAmount(seed.balance, currency, { allowZero: true });
  if (!balance.ok) return { error: `account ${seed.accountNumber}: balance ${balance.code}` };
  if (seed.holderName.trim() === "")
    return { error: `account ${seed.accountNumber}: no holder name` };
  return {
    accountNumber,
    holderName: seed.holderName.trim(),
    idNumber,
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

/** An account number shows its last four characters, as a bank's statement would. */
export function maskAccountNumber(accountNumber: string): string {
  return `****${accountNumber.slice(-4)}`;
}

/** A mobile number shows its last four digits, as a bank's text message would. */
export function maskMobile(mobile: string): string {
  return `****${mobile.slice(-4)}`;
}
