import { createHash } from "node:crypto";
import { type Static, Type } from "@sinclair/typebox";
import canonicalize from "canonicalize";
import type { NewTransfer } from "../../app/transfers/participant-transfer-service.ts";
import { pendingTimeoutMsMax, referenceLengthMax } from "../../domain/ledger/transfer.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import { normaliseParties } from "../../domain/sensitive/customer-party.ts";
import {
  type SensitiveNumberError,
  sensitiveNumberTextLengthMax,
} from "../../domain/sensitive/sensitive-number.ts";
import { AmountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";

/** The most transfers one bulk request carries; each answers on its own. */
export const bulkTransfersMax = 1000;

const CustomerPartyInput = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 140 })),
    cardNumber: Type.Optional(Type.String({ maxLength: sensitiveNumberTextLengthMax })),
    accountNumber: Type.Optional(Type.String({ maxLength: sensitiveNumberTextLengthMax })),
    idNumber: Type.Optional(Type.String({ maxLength: sensitiveNumberTextLengthMax })),
  },
  {
    additionalProperties: false,
    title: "CustomerParty",
    description:
      "The customer on one side. Card, account and ID numbers are stored encrypted and only ever answered masked; spaces and hyphens in them are ignored.",
  },
);

export const NewTransferInput = Type.Object(
  {
    id: transferIdInput(
      "Unique across the network (a UUID is a good choice) and the key that makes a retry safe.",
    ),
    payee: Type.String({ minLength: 1, maxLength: 63, description: "The payee participant's id" }),
    amount: AmountInput,
    currency: CurrencyInput,
    reference: Type.Optional(Type.String({ maxLength: referenceLengthMax })),
    reserveForMs: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: pendingTimeoutMsMax,
        description:
          "Reserve the amount instead of moving it: the payer commits or voids the reservation within this many milliseconds, or it expires.",
      }),
    ),
    debtor: Type.Optional(CustomerPartyInput),
    creditor: Type.Optional(CustomerPartyInput),
  },
  { additionalProperties: false, title: "NewTransfer" },
);
export type NewTransferInput = Static<typeof NewTransferInput>;

export type TransferInputRead =
  | { readonly ok: true; readonly value: NewTransfer }
  | { readonly ok: false; readonly code: AmountParseError | "currency_unknown" }
  | { readonly ok: false; readonly code: SensitiveNumberError; readonly pointer: string };

/**
 * SHA-256 of the RFC 8785 canonical JSON: key order and number spelling do not matter, so a
 * client that re-serialises the same request is still retrying it.
 */
export function requestHash(body: unknown): string {
  const canonical = canonicalize(body);
  if (canonical === undefined) throw new Error("a parsed JSON body always canonicalises");
  return createHash("sha256").update(canonical, "utf8").digest("base64url");
}

export function readNewTransfer(input: NewTransferInput): TransferInputRead {
  const money = readMoney(input.amount, input.currency);
  if (!money.ok) return money;
  const { debtor, creditor, ...hashed } = input;
  const named = debtor !== undefined || creditor !== undefined;
  const parties = named ? normaliseParties({ debtor, creditor }) : undefined;
  if (parties !== undefined && !parties.ok) return parties;
  return {
    ok: true,
    value: {
      id: input.id,
      payeeId: input.payee,
      amount: money.minor,
      currency: money.currency.code,
      reference: input.reference,
      reserveForMs: input.reserveForMs,
      requestHash: requestHash(hashed),
      parties: parties?.value,
    },
  };
}
