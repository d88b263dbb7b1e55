import { Type } from "@sinclair/typebox";
import { interfaceId } from "../message-fields.ts";

/**
 * The fields the bank interface's messages share. Every one carries a pattern and a bound, so
 * that a bank and the hub validate the same thing from the same document.
 */

export const TransactionIdField = interfaceId(
  "The hub's id of the transaction, unique across every debit, credit and refund the hub sends to the bank: the idempotency key. The same id always means the same transaction; the bank never applies it twice.",
);

export const PaymentInstitutionIdField = Type.String({
  pattern: "^[a-z0-9][a-z0-9-]{1,62}$",
  description:
    "The hub participant id of the payment institution the customer uses, to whom the agreement belongs.",
});

export const AgreementNumberField = interfaceId(
  "The bank's number for the agreement, given when the signing was confirmed.",
);

export const AccountNumberField = Type.String({
  pattern: "^[A-Z0-9]{6,34}$",
  description:
    "A bank account number or IBAN, normalised: upper-case letters and digits, no spaces or hyphens.",
});

export const HolderNameField = Type.String({
  minLength: 1,
  maxLength: 140,
  description: "The account holder's name as the customer gave it",
});

export const IdNumberField = Type.String({
  pattern: "^[A-Z0-9]{5,32}$",
  description: "The holder's identity document number, normalised as account numbers are.",
});

export const MobileField = Type.String({
  pattern: "^\\+[1-9][0-9]{5,14}$",
  description: "A mobile number in E.164 form, e.g. +8613800138000",
});

export const MaskedField = Type.String({
  maxLength: 40,
  description: "A number masked for display: only its last characters shown, e.g. ****0138",
});

export const DescriptionField = Type.String({
  maxLength: 140,
  description: "Text for the customer's statement",
});

export const ReasonTextField = Type.String({
  maxLength: 256,
  description: "The bank's own words, for people: logs, the operator console, support",
});

export const BankReferenceField = interfaceId(
  "The bank's own reference of the transaction, for reconciliation and support",
);
