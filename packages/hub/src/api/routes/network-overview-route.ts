import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { NetworkOverview, ParticipantStanding } from "../../app/operator/network-overview.ts";
import { participantKinds, participantStatuses } from "../../domain/participant/participant.ts";
import { literalUnion } from "../literal-union.ts";
import { AmountOutput, writeMoney } from "../money-codec.ts";
import { CapFollowsReserveSchema, capFollowsReserveView } from "../reserve-cap-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const SignedAmount = Type.String({
  description:
    "The participant's net position from cleared, unsettled transfers, a decimal string: negative means it owes the network, positive that the network owes it",
  examples: ["-120.50"],
});
const NullableAmount = (description: string) =>
  Type.Union([Type.String({ examples: ["1000.00"] }), Type.Null()], { description });

const StandingSchema = Type.Object(
  {
    participantId: Type.String(),
    name: Type.String(),
    kind: literalUnion(participantKinds),
    status: literalUnion(participantStatuses),
    position: SignedAmount,
    netDebitCap: NullableAmount("The most the participant may owe; null when it has no cap"),
    headroom: NullableAmount(
      "The cap minus what the participant owes, reservations included; null when it has no cap",
    ),
    reserve: Type.String({ description: "Its settlement account's balance (deposited funds)" }),
    capFollowsReserve: CapFollowsReserveSchema,
  },
  { title: "ParticipantStanding" },
);

const OverviewSchema = Type.Object(
  {
    at: Type.String({ format: "date-time", description: "When the balances were read" }),
    currencies: Type.Array(
      Type.Object(
        {
          currency: Type.String(),
          totals: Type.Object({
            position: Type.String({
              description: "The sum of positions: zero, since every transfer has two sides",
            }),
            netDebitCap: AmountOutput,
            headroom: Type.String(),
            reserve: AmountOutput,
          }),
          participants: Type.Array(StandingSchema),
        },
        { title: "CurrencyStanding" },
      ),
    ),
  },
  { title: "NetworkOverview" },
);

function standingView(standing: ParticipantStanding, currency: string) {
  const money = (minor: bigint | null) => (minor === null ? null : writeMoney(minor, currency));
  return {
    participantId: standing.participant.id,
    name: standing.participant.name,
    kind: standing.participant.kind,
    status: standing.participant.status,
    position: writeMoney(standing.position, currency),
    netDebitCap: money(standing.netDebitCap),
    headroom: money(standing.headroom),
    reserve: writeMoney(standing.reserve, currency),
    capFollowsReserve: capFollowsReserveView(standing.capFollowsReserveBps),
  };
}

function overviewView(overview: NetworkOverview) {
  return {
    at: new Date(overview.at).toISOString(),
    currencies: overview.currencies.map(({ currency, totals, participants }) => ({
      currency,
      totals: {
        position: writeMoney(totals.position, currency),
        netDebitCap: writeMoney(totals.netDebitCap, currency),
        headroom: writeMoney(totals.headroom, currency),
        reserve: writeMoney(totals.reserve, currency),
      },
      participants: participants.map((standing) => standingView(standing, currency)),
    })),
  };
}

export const networkOverviewRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/network-overview",
    {
      schema: {
        summary: "Every participant's position, cap, headroom and reserve per currency",
        description:
          "One answer for the whole network, read in a handful of queries whatever its size. Positions count cleared (posted) transfers; headroom also counts reservations, as the ledger's cap check does.",
        tags: ["network"],
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: OverviewSchema, ...operatorProblems() },
      },
    },
    async () => overviewView(await hub.networkOverview.read()),
  );
};
