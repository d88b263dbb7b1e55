import { type Static, Type } from "@sinclair/typebox";
import type { AccountBalances } from "../app/participants/participant-service.ts";
import { accountKinds } from "../domain/ledger/account.ts";
import { formatReserveCapFactor } from "../domain/ledger/reserve-cap.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput, writeMoney } from "./money-codec.ts";

export const AccountViewSchema = Type.Object(
  {
    id: Type.Integer({ description: "The ledger account id transfers name" }),
    kind: literalUnion(accountKinds),
    currency: Type.String(),
    debitsPosted: AmountOutput,
    creditsPosted: AmountOutput,
    debitsPending: AmountOutput,
    creditsPending: AmountOutput,
    balance: Type.String({ description: "Credits posted minus debits posted; may be negative" }),
    netDebitCap: Type.Optional(
      Type.String({ description: "Positions only: how far the position may go into debit" }),
    ),
    capFollowsReserve: Type.Optional(
      Type.Union([Type.String({ examples: ["1.5"] }), Type.Null()], {
        description:
          "Positions, in a participant's detail: the factor the cap follows the reserve by, or null when it is set by hand",
      }),
    ),
  },
  { title: "Account" },
);
export type AccountView = Static<typeof AccountViewSchema>;

/** `capFollowsReserveBps`, when given, is shown on a position (null: the cap is set by hand). */
export function accountView(
  account: AccountBalances,
  capFollowsReserveBps?: number | null,
): AccountView {
  const money = (minor: bigint) => writeMoney(minor, account.currency);
  const view: AccountView = {
    id: account.id,
    kind: account.kind,
    currency: account.currency,
    debitsPosted: money(account.debitsPosted),
    creditsPosted: money(account.creditsPosted),
    debitsPending: money(account.debitsPending),
    creditsPending: money(account.creditsPending),
    balance: money(account.creditsPosted - account.debitsPosted),
  };
  // A position's debit limit is the participant's net debit cap; other limits are internal.
  if (account.kind === "position" && account.debitLimit !== null) {
    view.netDebitCap = money(account.debitLimit);
  }
  if (account.kind === "position" && capFollowsReserveBps !== undefined) {
    view.capFollowsReserve =
      capFollowsReserveBps === null ? null : formatReserveCapFactor(capFollowsReserveBps);
  }
  return view;
}
