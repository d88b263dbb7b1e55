import { type Static, Type } from "@sinclair/typebox";
import {
  type BillSubscription,
  billSubscriptionReferenceLengthMax,
} from "../../domain/billers/bill-subscription.ts";
import {
  type CustomerParametersRead,
  customerParametersMax,
  readCustomerParameters,
} from "../../domain/billers/customer-parameters.ts";
import { isStorableText } from "../../domain/storable-text.ts";
import { ParticipantIdInput } from "../routes/participant-params.ts";

/** Looser than the rules, so that a broken rule answers its own code, not a schema error. */
const parameterNameLengthMax = 64;
const parameterValueLengthMax = 256;

export const BillSubscriptionId = Type.String({
  minLength: 1,
  maxLength: 64,
  description: "The hub's id of the subscription",
  examples: ["bs-3f0c9a7e-6a44-4d0c-9a55-2f8d1f0e6b1d"],
});

export const BillSubscriptionParams = Type.Object({ subscriptionId: BillSubscriptionId });

const ReferenceField = Type.String({
  minLength: 1,
  maxLength: billSubscriptionReferenceLengthMax,
  description:
    "Your own name for the user or the subscription, echoed in every `bill.presented` event of it. Not customer data: the hub keeps and shows it in clear.",
  examples: ["user-8841"],
});

export const NewBillSubscriptionInput = Type.Object(
  {
    billerId: ParticipantIdInput,
    customerParameters: Type.Record(
      Type.String({ maxLength: parameterNameLengthMax }),
      Type.String({ maxLength: parameterValueLengthMax }),
      {
        maxProperties: customerParametersMax * 2,
        description: `The parameters that identify your user as the biller's customer, by name, as the biller registry lists them: 1 to ${customerParametersMax} names of the form \`accountNumber\`, each value 1 to 64 characters. The hub seals them and shows them only masked.`,
        examples: [{ accountNumber: "4401234567" }],
      },
    ),
    reference: Type.Optional(ReferenceField),
  },
  { additionalProperties: false },
);
export type NewBillSubscriptionInput = Static<typeof NewBillSubscriptionInput>;

export type ReferenceRead =
  | { readonly ok: true; readonly value: string | null }
  | { readonly ok: false; readonly code: "request_invalid" };

/** A reference is shown back and logged: whole characters, no controls. */
export function readReference(reference: string | undefined): ReferenceRead {
  if (reference === undefined) return { ok: true, value: null };
  return isStorableText(reference)
    ? { ok: true, value: reference }
    : { ok: false, code: "request_invalid" };
}

export function readSubscriptionParameters(
  parameters: NewBillSubscriptionInput["customerParameters"],
): CustomerParametersRead {
  return readCustomerParameters(Object.entries(parameters));
}

export const BillSubscriptionSchema = Type.Object(
  {
    id: BillSubscriptionId,
    billerId: Type.String(),
    customerParameters: Type.Record(Type.String(), Type.String(), {
      description: "The parameters you subscribed with, masked: `****4567`",
    }),
    reference: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: "date-time" }),
  },
  { title: "BillSubscription", additionalProperties: false },
);

export function billSubscriptionView(subscription: BillSubscription) {
  return {
    id: subscription.id,
    billerId: subscription.billerId,
    customerParameters: subscription.customerMasked,
    reference: subscription.reference,
    createdAt: new Date(subscription.createdAt).toISOString(),
  };
}
