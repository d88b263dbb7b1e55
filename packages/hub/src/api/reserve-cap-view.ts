import { Type } from "@sinclair/typebox";
import type { ReserveCapStanding } from "../app/participants/funds-service.ts";
import { formatReserveCapFactor } from "../domain/ledger/reserve-cap.ts";
import { writeMoney } from "./money-codec.ts";

export const CapFollowsReserveSchema = Type.Union(
  [Type.String({ examples: ["1.5"] }), Type.Null()],
  {
    description:
      "The factor the net debit cap follows the reserve by (cap = reserve × factor, rounded down, re-set whenever the settlement account's funds move); null when the cap is set by hand",
  },
);

export const ReserveCapViewSchema = Type.Object(
  {
    participantId: Type.String(),
    currency: Type.String(),
    capFollowsReserve: CapFollowsReserveSchema,
    netDebitCap: Type.Union([Type.String({ examples: ["1500.00"] }), Type.Null()], {
      description: "The position's net debit cap now; null when it has none",
    }),
  },
  { title: "ReserveCap" },
);

export function capFollowsReserveView(factorBps: number | null): string | null {
  return factorBps === null ? null : formatReserveCapFactor(factorBps);
}

export function reserveCapView(
  participantId: string,
  currency: string,
  standing: ReserveCapStanding,
) {
  return {
    participantId,
    currency,
    capFollowsReserve: capFollowsReserveView(standing.factorBps),
    netDebitCap: standing.netDebitCap === null ? null : writeMoney(standing.netDebitCap, currency),
  };
}
