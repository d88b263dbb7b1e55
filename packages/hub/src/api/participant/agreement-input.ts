import { type Static, Type } from "@sinclair/typebox";
import type { NewAgreement } from "../../app/agreements/agreement-service.ts";
import { authenticationFactorsMax, idTypes } from "../../domain/agreements/agreement.ts";
import {
  type CustomerRead,
  normaliseCustomer,
} from "../../domain/agreements/agreement-customer.ts";
import { sensitiveNumberTextLengthMax } from "../../domain/sensitive/sensitive-number.ts";
import { literalUnion } from "../literal-union.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { requestHash } from "./transfer-input.ts";

const numberInput = (description: string) =>
  Type.String({ maxLength: sensitiveNumberTextLengthMax, description });

export const AgreementCustomerInput = Type.Object(
  {
    holderName: Type.String({ minLength: 1, maxLength: 140, description: "As the bank holds it" }),
    accountNumber: Type.Optional(numberInput("The bank account to bind; or give `cardNumber`")),
    cardNumber: Type.Optional(numberInput("The debit card to bind; or give `accountNumber`")),
    idType: literalUnion(idTypes),
    idNumber: numberInput("The identity document's number"),
    mobile: numberInput("Where the bank sends the one-time password, e.g. +8613800000001"),
  },
  {
    additionalProperties: false,
    title: "AgreementCustomer",
    description:
      "The customer whose account is bound. Account, card, ID and mobile numbers are stored encrypted and only ever answered masked; spaces and hyphens in them are ignored.",
  },
);

export const NewAgreementInput = Type.Object(
  {
    id: transferIdInput(
      "Your id of the agreement, unique among yours: the key that makes a retry safe.",
    ),
    bankId: Type.String({ minLength: 1, maxLength: 63, description: "The customer's bank" }),
    customer: AgreementCustomerInput,
    authenticationFactors: Type.Integer({
      minimum: 1,
      maximum: authenticationFactorsMax,
      description:
        "How many factors authenticated the customer when signing, the bank's password included: fewer than two gives the lower daily limit.",
    }),
    digitalCertificate: Type.Boolean({
      description: "Whether a digital certificate authenticated the customer",
    }),
  },
  { additionalProperties: false, title: "NewAgreement" },
);
export type NewAgreementInput = Static<typeof NewAgreementInput>;

export type AgreementInputRead =
  | { readonly ok: true; readonly value: NewAgreement }
  | Extract<CustomerRead, { ok: false }>;

/** The customer is left out of the hash: a hash of an ID number can be reversed by trying. */
export function readNewAgreement(input: NewAgreementInput): AgreementInputRead {
  const customer = normaliseCustomer(input.customer);
  if (!customer.ok) return customer;
  const { customer: _customer, ...hashed } = input;
  return {
    ok: true,
    value: {
      id: input.id,
      bankId: input.bankId,
      customer: customer.value,
      risk: {
        authenticationFactors: input.authenticationFactors,
        digitalCertificate: input.digitalCertificate,
      },
      requestHash: requestHash(hashed),
    },
  };
}
