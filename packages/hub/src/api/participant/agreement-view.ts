import { type Static, Type } from "@sinclair/typebox";
import { type Agreement, agreementStates, idTypes } from "../../domain/agreements/agreement.ts";
import { failureOf } from "../../domain/recorded-failure.ts";
import { literalUnion } from "../literal-union.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const nullableTime = (description: string) =>
  Type.Union([Type.String({ format: "date-time" }), Type.Null()], { description });

export const AgreementSchema = Type.Object(
  {
    id: Type.String(),
    bankId: Type.String(),
    state: literalUnion(agreementStates, {
      description:
        "requested: the bank was asked, no answer yet (send the same request again). otp_sent: the bank sent the customer a password; confirm it. active: signed, payments may quote it. failed: the bank refused; see `failure`. unsigned: ended.",
    }),
    customer: Type.Object(
      {
        holderName: Type.String(),
        accountNumber: Type.Optional(Type.String({ examples: ["****0001"] })),
        cardNumber: Type.Optional(Type.String({ examples: ["****4242"] })),
        idType: literalUnion(idTypes),
        idNumber: Type.String({ examples: ["1****1X"] }),
        mobile: Type.String({ examples: ["****0001"] }),
      },
      { title: "MaskedAgreementCustomer", description: "As sent, every number masked" },
    ),
    authenticationFactors: Type.Integer(),
    digitalCertificate: Type.Boolean(),
    agreementNumber: Type.Union([Type.String(), Type.Null()], {
      description: "The bank's number of the agreement, once signed",
    }),
    otpExpiresAt: nullableTime("When the password the bank sent expires"),
    failure: Type.Union(
      [
        Type.Object({
          code: Type.String({ description: "The bank's refusal code, e.g. otp_expired" }),
          reason: Type.String(),
        }),
        Type.Null(),
      ],
      { description: "Why the bank refused the signing" },
    ),
    unsignedBy: Type.Union([literalUnion(["payment_institution", "bank"] as const), Type.Null()]),
    createdAt: Type.String({ format: "date-time" }),
    signedAt: nullableTime("When the bank signed it"),
    unsignedAt: nullableTime("When it ended"),
  },
  { title: "Agreement" },
);
export type AgreementView = Static<typeof AgreementSchema>;

export function agreementView(agreement: Agreement): AgreementView {
  const customer = agreement.maskedCustomer;
  return {
    id: agreement.id,
    bankId: agreement.bankId,
    state: agreement.state,
    customer: {
      holderName: customer.holderName,
      ...(customer.accountNumber === undefined ? {} : { accountNumber: customer.accountNumber }),
      ...(customer.cardNumber === undefined ? {} : { cardNumber: customer.cardNumber }),
      idType: customer.idType,
      idNumber: customer.idNumber,
      mobile: customer.mobile,
    },
    authenticationFactors: agreement.risk.authenticationFactors,
    digitalCertificate: agreement.risk.digitalCertificate,
    agreementNumber: agreement.agreementNumber,
    otpExpiresAt: iso(agreement.otpExpiresAt),
    failure: failureOf(agreement),
    unsignedBy: agreement.unsignedBy,
    createdAt: new Date(agreement.createdAt).toISOString(),
    signedAt: iso(agreement.signedAt),
    unsignedAt: iso(agreement.unsignedAt),
  };
}
