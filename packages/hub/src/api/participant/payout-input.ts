import { type Static, Type } from "@sinclair/typebox";
import type { NewPayout } from "../../app/payments/payout-service.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import {
  normaliseSensitiveNumber,
  sensitiveNumberTextLengthMax,
} from "../../domain/sensitive/sensitive-number.ts";
import { AmountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { requestHash } from "./transfer-input.ts";

export const NewPayoutInput = Type.Object(
  {
    id: transferIdInput(
      "Your id of the payout, unique among yours: the key that makes a retry safe.",
    ),
    agreementId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "Pay to this agreement's account" }),
    ),
    creditor: Type.Optional(
      Type.Object(
        {
          bankId: Type.String({ minLength: 1, maxLength: 63 }),
          name: Type.String({ minLength: 1, maxLength: 140, description: "As the bank holds it" }),
          accountNumber: Type.String({ maxLength: sensitiveNumberTextLengthMax }),
        },
        { additionalProperties: false, description: "Or pay to these account details" },
      ),
    ),
    amount: AmountInput,
    currency: CurrencyInput,
  },
  { additionalProperties: false, title: "NewPayout" },
);
export type NewPayoutInput = Static<typeof NewPayoutInput>;

export type PayoutInputRead =
  | { readonly ok: true; readonly value: NewPayout }
  | {
      readonly ok: false;
      readonly code:
        | AmountParseError
        | "currency_unknown"
        | "payout_creditor_required"
        | "bank_account_number_invalid";
    };

/** The account number is left out of the hash: it is compared by the stored, sealed one. */
export function readPayout(input: NewPayoutInput): PayoutInputRead {
  const money = readMoney(input.amount, input.currency);
  if (!money.ok) return money;
  if ((input.agreementId === undefined) === (input.creditor === undefined)) {
    return { ok: false, code: "payout_creditor_required" };
  }
  let to: NewPayout["to"] = { agreementId: input.agreementId ?? "" };
  if (input.creditor !== undefined) {
    const number = normaliseSensitiveNumber("bank_account_number", input.creditor.accountNumber);
    if (!number.ok) return { ok: false, code: "bank_account_number_invalid" };
    to = { creditor: { ...input.creditor, accountNumber: number.value } };
  }
  const { creditor, ...hashed } = input;
  return {
    ok: true,
    value: {
      id: input.id,
      to,
      amountMinor: money.minor,
      currency: money.currency.code,
      requestHash: requestHash({
        ...hashed,
        creditor: creditor && { bankId: creditor.bankId, name: creditor.name },
      }),
    },
  };
}
