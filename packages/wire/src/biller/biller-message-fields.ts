import { Type } from "@sinclair/typebox";

/**
 * The fields the biller interface's messages share. Every one carries a pattern or a bound, so
 * that a biller and the hub validate the same thing from the same document.
 */

/** Ids chosen by the hub or the biller: safe in a URL or a log, as the ledger's transfer ids. */
export const billerIdPattern = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";

export function billerInterfaceId(description: string) {
  return Type.String({ pattern: billerIdPattern, maxLength: 64, description });
}

export const PostingIdField = billerInterfaceId(
  "The hub's id of the posting, unique across every posting the hub sends: the idempotency key. The same id always means the same payment; the biller never credits it twice.",
);

export const BillNumberField = billerInterfaceId(
  "The biller's number of the bill, as it printed it and answers it to inquiries.",
);

export const ReceiptNumberField = billerInterfaceId(
  "The biller's receipt for a posted payment: its proof that the customer paid.",
);

export const ParticipantIdField = (description: string) =>
  Type.String({ pattern: "^[a-z0-9][a-z0-9-]{1,62}$", maxLength: 63, description });

export const customerParametersMax = 8;

export const CustomerParameter = Type.Object(
  {
    name: Type.String({
      pattern: "^[a-z][A-Za-z0-9_]{0,31}$",
      maxLength: 32,
      description:
        "The parameter's name as the biller registry declares it for this biller, e.g. accountNumber",
    }),
    value: Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        "The value, already checked by the hub against the biller's rules for it (pattern, length, check digit)",
    }),
  },
  { title: "CustomerParameter", additionalProperties: false },
);

export const CustomerParametersField = Type.Array(CustomerParameter, {
  minItems: 1,
  maxItems: customerParametersMax,
  description:
    "The parameters that identify the customer at the biller, each name at most once, in the order the biller registry declares them.",
});

export const DateField = (description: string) =>
  Type.String({ format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$", maxLength: 10, description });

export const TimestampField = (description: string) =>
  Type.String({ format: "date-time", maxLength: 40, description });

export const ReasonTextField = Type.String({
  maxLength: 256,
  description: "The biller's own words, for people: logs, the operator console, support",
});

export const CustomerNameField = Type.String({
  minLength: 1,
  maxLength: 140,
  description:
    "The customer's name as the biller shows it to a payer, masked as the biller sees fit, e.g. W*** Fang",
});
