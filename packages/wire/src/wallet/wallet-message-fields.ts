import { Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { interfaceId } from "../message-fields.ts";

/**
 * The fields the wallet interface's messages share. Every one carries a pattern or a bound, so
 * that an issuer and the hub validate the same thing from the same document.
 */

export const PaymentIdField = interfaceId(
  "The hub's id of the payment, unique across every payment the hub sends: the idempotency key. The same id always means the same payment; the issuer never charges it twice.",
);

export const RefundIdField = interfaceId(
  "The hub's id of the refund, unique across every refund the hub sends: the idempotency key. The same id always means the same refund; the issuer never credits it twice.",
);

/** A one-time payment code: numeric, as an issuer's app shows it under its barcode and QR code. */
export const paymentCodeDigitsMin = 16;
export const paymentCodeDigitsMax = 24;
/** A prepaid card number, as embossed and held in the card's chip or stripe. */
export const cardNumberDigitsMin = 12;
export const cardNumberDigitsMax = 19;

export const PaymentCodeInstrument = Type.Object(
  {
    kind: Type.Literal("payment_code"),
    number: Type.String({
      pattern: `^[0-9]{${paymentCodeDigitsMin},${paymentCodeDigitsMax}}$`,
      maxLength: paymentCodeDigitsMax,
      description:
        "The one-time payment code the merchant scanned from the customer's app, digits only",
    }),
  },
  {
    title: "PaymentCodeInstrument",
    description: "A consumer-presented one-time code: valid about a minute, for one payment.",
  },
);

export const PrepaidCardInstrument = Type.Object(
  {
    kind: Type.Literal("prepaid_card"),
    number: Type.String({
      pattern: `^[0-9]{${cardNumberDigitsMin},${cardNumberDigitsMax}}$`,
      maxLength: cardNumberDigitsMax,
      description: "The prepaid card's number as the terminal read it, digits only",
    }),
  },
  {
    title: "PrepaidCardInstrument",
    description: "A prepaid card presented at a point-of-sale terminal.",
  },
);

export const PaymentInstrument = Type.Union([PaymentCodeInstrument, PrepaidCardInstrument], {
  title: "PaymentInstrument",
  description:
    "What the customer presented. The hub routed it to this issuer by its prefix, as a card network routes by BIN.",
});

export const WalletMerchant = Type.Object(
  {
    acquirerId: Type.String({
      pattern: "^[a-z0-9][a-z0-9-]{1,62}$",
      maxLength: 63,
      description: "The hub participant id of the merchant's acquirer",
    }),
    merchantId: Type.String({
      pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,31}$",
      maxLength: 32,
      description: "The acquirer's own id of the merchant",
    }),
    name: Type.String({ minLength: 1, maxLength: 140, description: "The merchant's name" }),
    categoryCode: Type.String({
      pattern: "^[0-9]{4}$",
      maxLength: 4,
      description: "The merchant category code (ISO 18245)",
    }),
    city: Type.String({ minLength: 1, maxLength: 64, description: "The merchant's city" }),
    countryCode: Type.String({
      pattern: "^[A-Z]{2}$",
      maxLength: 2,
      description: "The merchant's country, ISO 3166-1 alpha-2",
    }),
  },
  {
    title: "WalletMerchant",
    description:
      "The merchant the customer pays, as the hub's merchant directory holds it: what the issuer shows the customer in the app and on the statement.",
  },
);

export const verificationLevels = ["A", "B", "C", "D"] as const;
export type VerificationLevel = (typeof verificationLevels)[number];

export const VerificationLevelField = literalUnion(verificationLevels, {
  description:
    "The factors the customer used (PBOC barcode rules): A two or more including a digital certificate or electronic signature, B two or more, C fewer than two, D a static code. The hub applies the level's daily limit per customer.",
});

export const CustomerRefField = Type.String({
  pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$",
  maxLength: 64,
  description:
    "The issuer's opaque reference of the customer, the same for every payment of that customer: the hub sums the customer's payments of the day under it for the level's limit.",
});

export const AuthorizationCodeField = Type.String({
  pattern: "^[A-Za-z0-9-]{1,32}$",
  maxLength: 32,
  description:
    "The issuer's authorisation code: its proof that it approved and charged the payment",
});

export const TimestampField = (description: string) =>
  Type.String({ format: "date-time", maxLength: 40, description });

export const ReasonTextField = Type.String({
  maxLength: 256,
  description: "The issuer's own words, for people: logs, the operator console, support",
});
