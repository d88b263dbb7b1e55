import { type Static, Type } from "@sinclair/typebox";
import { agreementStates } from "../domain/agreements/agreement.ts";
import { literalUnion } from "./literal-union.ts";

/**
 * The body of an agreement webhook, as `agreementUnsignedEvent` writes it into the outbox;
 * published under the OpenAPI `webhooks` beside TransferEvent, and a test holds the domain's
 * payload to it.
 */
export const AgreementEventSchema = Type.Object(
  {
    id: Type.String({
      description:
        "`<type>:<paymentInstitutionId>:<agreementId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it.",
      examples: ["agreement.unsigned:wallet-a:ag-1"],
    }),
    type: literalUnion(["agreement.unsigned"] as const, {
      description: "Equal to the `webhook-event` header",
    }),
    createdAt: Type.String({ format: "date-time", description: "When the agreement ended" }),
    data: Type.Object(
      {
        agreementId: Type.String({ description: "Your id of the agreement" }),
        bankId: Type.String(),
        agreementNumber: Type.Union([Type.String(), Type.Null()], {
          description: "The bank's number of the agreement",
        }),
        unsignedBy: Type.Union([
          literalUnion(["payment_institution", "bank"] as const),
          Type.Null(),
        ]),
        state: literalUnion(agreementStates),
      },
      { additionalProperties: false },
    ),
  },
  {
    $id: "AgreementEvent",
    title: "AgreementEvent",
    description: "What happened to a quick-pay agreement of the payment institution.",
    additionalProperties: false,
  },
);
export type AgreementEventBody = Static<typeof AgreementEventSchema>;
