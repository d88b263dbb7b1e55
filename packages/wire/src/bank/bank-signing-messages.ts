import { type Static, Type } from "@sinclair/typebox";
import { interfaceId, TimestampField } from "../message-fields.ts";
import {
  AccountNumberField,
  AgreementNumberField,
  HolderNameField,
  IdNumberField,
  MaskedField,
  MobileField,
  PaymentInstitutionIdField,
} from "./bank-message-fields.ts";

/**
 * Signing a quick-pay agreement takes two calls: the hub asks the bank to sign (the bank checks
 * the customer's details and sends a one-time password to the mobile number it holds for the
 * account), then confirms with the password the customer typed (the bank answers the agreement
 * number). Later debits quote that number instead of the account.
 */

export const SignRequest = Type.Object(
  {
    requestId: interfaceId(
      "The hub's id of this sign request: the idempotency key. Sent again, the bank answers the same sign request and sends no second password.",
    ),
    paymentInstitutionId: PaymentInstitutionIdField,
    customer: Type.Object(
      {
        name: HolderNameField,
        accountNumber: AccountNumberField,
        idNumber: IdNumberField,
        mobile: MobileField,
      },
      {
        title: "SigningCustomer",
        description:
          "Who asks to sign. All four must match the bank's record of the account; the password goes to the mobile number the bank holds, never to one the request names.",
      },
    ),
  },
  { title: "SignRequest" },
);
export type SignRequest = Static<typeof SignRequest>;

export const SignRequestAnswer = Type.Object(
  {
    requestId: interfaceId("The hub's id of the sign request, echoed"),
    signRequestId: interfaceId("The bank's id of the sign request, quoted by the confirmation"),
    mobileMasked: MaskedField,
    otpExpiresAt: TimestampField("When the one-time password stops being accepted"),
  },
  {
    title: "SignRequestAnswer",
    description: "The bank sent a one-time password to the account's mobile number.",
  },
);
export type SignRequestAnswer = Static<typeof SignRequestAnswer>;

export const SignConfirmation = Type.Object(
  {
    signRequestId: interfaceId("The bank's id of the sign request, as it answered it"),
    paymentInstitutionId: PaymentInstitutionIdField,
    otp: Type.String({
      pattern: "^[0-9]{4,8}$",
      description: "The one-time password the customer received and typed",
    }),
  },
  { title: "SignConfirmation" },
);
export type SignConfirmation = Static<typeof SignConfirmation>;

export const SignConfirmationAnswer = Type.Object(
  {
    signRequestId: interfaceId("The bank's id of the sign request, echoed"),
    agreementNumber: AgreementNumberField,
    accountNumberMasked: MaskedField,
    signedAt: TimestampField("When the agreement took effect"),
  },
  {
    title: "SignConfirmationAnswer",
    description:
      "The agreement is signed. Confirming again with the same password answers the same agreement; an account that already has an agreement with the payment institution answers that one.",
  },
);
export type SignConfirmationAnswer = Static<typeof SignConfirmationAnswer>;

export const UnsignRequest = Type.Object(
  {
    agreementNumber: AgreementNumberField,
    paymentInstitutionId: PaymentInstitutionIdField,
  },
  { title: "UnsignRequest" },
);
export type UnsignRequest = Static<typeof UnsignRequest>;

export const UnsignAnswer = Type.Object(
  {
    agreementNumber: AgreementNumberField,
    unsignedAt: TimestampField(
      "When the agreement ended; unsigning it again answers the same time",
    ),
  },
  {
    title: "UnsignAnswer",
    description: "The agreement is unsigned: every later debit quoting it fails.",
  },
);
export type UnsignAnswer = Static<typeof UnsignAnswer>;
