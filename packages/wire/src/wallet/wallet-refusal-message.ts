import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { ReasonTextField } from "./wallet-message-fields.ts";
import { walletRefusalCodeNames } from "./wallet-refusal-code.ts";

export const WalletRefusal = Type.Object(
  {
    code: literalUnion(walletRefusalCodeNames, {
      description: "Why the issuer refused; the interface description lists the codes",
    }),
    reason: ReasonTextField,
  },
  {
    title: "WalletRefusal",
    description:
      "The issuer did not act on the request: it applied and recorded nothing for it. The body of every 4xx answer and of a 503 wallet_busy.",
  },
);
export type WalletRefusal = Static<typeof WalletRefusal>;
