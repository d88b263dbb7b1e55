import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { ReasonTextField } from "./biller-message-fields.ts";
import { billerRefusalCodeNames } from "./biller-refusal-code.ts";

export const BillerRefusal = Type.Object(
  {
    code: literalUnion(billerRefusalCodeNames, {
      description: "Why the biller refused; the interface description lists the codes",
    }),
    reason: ReasonTextField,
  },
  {
    title: "BillerRefusal",
    description:
      "The biller did not act on the request: it applied and recorded nothing for it. The body of every 4xx answer and of a 503 biller_busy.",
  },
);
export type BillerRefusal = Static<typeof BillerRefusal>;
