import { normaliseSensitiveNumber, type SensitiveNumberError } from "./sensitive-number.ts";
import type { SensitiveNumberKind } from "./sensitive-number-kind.ts";
import { maskSensitiveNumber } from "./sensitive-number-mask.ts";

/** The customer behind one side of a transfer, as the participants' messages name them. */
export interface CustomerParty {
  readonly name?: string | undefined;
  readonly cardNumber?: string | undefined;
  readonly accountNumber?: string | undefined;
  readonly idNumber?: string | undefined;
}

/** ISO 20022's words: the debtor pays (the payer's customer), the creditor is paid. */
export interface TransferParties {
  readonly debtor?: CustomerParty | undefined;
  readonly creditor?: CustomerParty | undefined;
}

const numberFields = {
  cardNumber: "card_number",
  accountNumber: "bank_account_number",
  idNumber: "id_number",
} as const satisfies Record<string, SensitiveNumberKind>;

type NumberField = keyof typeof numberFields;
const numberFieldNames = Object.keys(numberFields) as NumberField[];

export type PartiesRead =
  | { readonly ok: true; readonly value: TransferParties }
  | { readonly ok: false; readonly code: SensitiveNumberError; readonly pointer: string };

/**
 * The parties with every number in its one canonical spelling and the fields in one order,
 * so that the same parties always serialise to the same text.
 */
export function normaliseParties(parties: TransferParties): PartiesRead {
  const value: Record<string, CustomerParty> = {};
  for (const side of ["debtor", "creditor"] as const) {
    const party = parties[side];
    if (party === undefined) continue;
    const normalised: Record<string, string> = {};
    if (party.name !== undefined) normalised.name = party.name;
    for (const field of numberFieldNames) {
      const text = party[field];
      if (text === undefined) continue;
      const read = normaliseSensitiveNumber(numberFields[field], text);
      if (!read.ok) return { ok: false, code: read.code, pointer: `/${side}/${field}` };
      normalised[field] = read.value;
    }
    value[side] = normalised;
  }
  return { ok: true, value };
}

/** What may leave the hub: every number masked, names as given. */
export function maskParties(parties: TransferParties): TransferParties {
  const masked: Record<string, CustomerParty> = {};
  for (const side of ["debtor", "creditor"] as const) {
    const party = parties[side];
    if (party === undefined) continue;
    const copy: Record<string, string> = {};
    if (party.name !== undefined) copy.name = party.name;
    for (const field of numberFieldNames) {
      const number = party[field];
      if (number !== undefined) copy[field] = maskSensitiveNumber(numberFields[field], number);
    }
    masked[side] = copy;
  }
  return masked;
}
