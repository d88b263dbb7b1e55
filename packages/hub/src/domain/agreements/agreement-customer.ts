import {
  normaliseSensitiveNumber,
  type SensitiveNumberError,
} from "../sensitive/sensitive-number.ts";
import type { SensitiveNumberKind } from "../sensitive/sensitive-number-kind.ts";
import { maskSensitiveNumber } from "../sensitive/sensitive-number-mask.ts";
import type { AgreementCustomer } from "./agreement.ts";

/** The customer's numbers, each with its kind: validation and mask follow the kind. */
const numberFields = {
  accountNumber: "bank_account_number",
  cardNumber: "card_number",
  idNumber: "id_number",
  mobile: "mobile_number",
} as const satisfies Record<string, SensitiveNumberKind>;

type NumberField = keyof typeof numberFields;
const numberFieldNames = Object.keys(numberFields) as NumberField[];

export type CustomerRead =
  | { readonly ok: true; readonly value: AgreementCustomer }
  | {
      readonly ok: false;
      readonly code: SensitiveNumberError | "account_or_card_required";
      readonly pointer: string;
    };

/**
 * The customer with every number in its one stored spelling and the fields in one order, so
 * the same customer always serialises to the same text (a retry compares it that way). A
 * signing binds exactly one account or card.
 */
export function normaliseCustomer(customer: AgreementCustomer): CustomerRead {
  const hasAccount = customer.accountNumber !== undefined;
  if (hasAccount === (customer.cardNumber !== undefined)) {
    return { ok: false, code: "account_or_card_required", pointer: "/customer" };
  }
  const value: Record<string, string> = {
    holderName: customer.holderName,
    idType: customer.idType,
  };
  for (const field of numberFieldNames) {
    const text = customer[field];
    if (text === undefined) continue;
    const read = normaliseSensitiveNumber(numberFields[field], text);
    if (!read.ok) return { ok: false, code: read.code, pointer: `/customer/${field}` };
    value[field] = read.value;
  }
  return { ok: true, value: value as unknown as AgreementCustomer };
}

/** What may leave the hub: every number masked, the name and ID type as given. */
export function maskCustomer(customer: AgreementCustomer): AgreementCustomer {
  const masked: Record<string, string> = {
    holderName: customer.holderName,
    idType: customer.idType,
  };
  for (const field of numberFieldNames) {
    const number = customer[field];
    if (number !== undefined) masked[field] = maskSensitiveNumber(numberFields[field], number);
  }
  return masked as unknown as AgreementCustomer;
}

/** The account the bank binds: the account number, or the card's number standing for it. */
export function boundAccountNumber(customer: AgreementCustomer): string {
  const number = customer.accountNumber ?? customer.cardNumber;
  if (number === undefined) throw new Error("a normalised customer names an account or card");
  return number;
}
