import type { VerificationLevel } from "@clearhub/wire";
import { type Currency, findCurrency, formatAmount, parseAmount } from "../money/amount-codec.ts";

/** Ids the issuer hands out and the hub keeps: as the interface's ids, safe in a URL or a log. */
const walletIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Decimal strings by ISO 4217 code, as a configuration or an admin call gives balances. */
export type BalanceSeeds = Readonly<Record<string, string>>;

/** A customer of the wallet as a configuration or an admin call gives them. */
export interface WalletCustomerSeed {
  /** The issuer's id of the customer: the `customerRef` its approvals carry. */
  readonly customerId: string;
  readonly name: string;
  /** What the customer holds, by currency: { CNY: "5000.00" }. */
  readonly balances: BalanceSeeds;
  /** The factors the customer's app uses; B by default. */
  readonly verificationLevel?: VerificationLevel | undefined;
  /** A blocked customer's payments are declined `customer_blocked`. */
  readonly blocked?: boolean | undefined;
  /** Payments wait for the customer to confirm them in the app: answered `pending`. */
  readonly confirmInApp?: boolean | undefined;
  /** The most one payment may be, by currency; more is declined `limit_exceeded`. */
  readonly paymentMax?: BalanceSeeds | undefined;
}

/** A prepaid card as a configuration or an admin call gives it. */
export interface PrepaidCardSeed {
  /** Digits, starting with the issuer's card prefix. */
  readonly number: string;
  readonly currency: string;
  readonly balance: string;
  /** The card holder's reference at the issuer; by default one of the card's own. */
  readonly customerRef?: string | undefined;
  /** A card number is static: level D unless the issuer knows better. */
  readonly verificationLevel?: VerificationLevel | undefined;
  readonly blocked?: boolean | undefined;
}

/** Whoever a payment draws on: a customer's wallet or a prepaid card. */
export interface Purse {
  readonly customerRef: string;
  readonly verificationLevel: VerificationLevel;
  /** Minor units by currency code. */
  readonly balances: Map<string, bigint>;
  blocked: boolean;
}

export interface WalletCustomer extends Purse {
  readonly kind: "customer";
  readonly customerId: string;
  readonly name: string;
  readonly confirmInApp: boolean;
  /** Minor units by currency code. */
  readonly paymentMax: ReadonlyMap<string, bigint>;
}

export interface PrepaidCard extends Purse {
  readonly kind: "prepaid_card";
  readonly number: string;
  readonly currency: Currency;
}

/** Whom a payment draws on. */
export type Payer = WalletCustomer | PrepaidCard;

/** Minor units by currency from decimal strings; throws on a currency or amount that is wrong. */
export function balancesFrom(seeds: BalanceSeeds): Map<string, bigint> {
  const balances = new Map<string, bigint>();
  for (const [code, text] of Object.entries(seeds)) {
    balances.set(code, minorOf(text, code));
  }
  return balances;
}

export function minorOf(text: string, code: string): bigint {
  const currency = findCurrency(code);
  if (currency === undefined) throw new Error(`${code} is not an ISO 4217 currency`);
  const parsed = parseAmount(text, currency, { allowZero: true });
  if (!parsed.ok) throw new Error(`${text} ${code}: ${parsed.code}`);
  return parsed.minor;
}

/** Decimal strings by currency, as the admin routes show balances. */
export function balanceTexts(balances: ReadonlyMap<string, bigint>): Record<string, string> {
  return Object.fromEntries(
    [...balances].map(([code, minor]) => [
      code,
      formatAmount(minor, findCurrency(code) ?? { code, minorUnits: 0 }),
    ]),
  );
}

export function checkedWalletId(id: string, what: string): string {
  if (!walletIdPattern.test(id)) throw new Error(`${what} must match ${walletIdPattern.source}`);
  return id;
}
