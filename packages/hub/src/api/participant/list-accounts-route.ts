import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { AccountViewSchema, accountView } from "../account-view.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

export const listAccountsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/accounts",
    {
      config: { operation: "accounts.read" },
      schema: {
        summary: "The caller's own accounts and balances",
        tags: ["accounts"],
        response: {
          200: Type.Object({ accounts: Type.Array(AccountViewSchema) }),
          ...participantProblems(),
        },
      },
    },
    async (request) => {
      const participant = request.participant as Participant;
      const accounts = await hub.participants.listAccounts(participant.id);
      return { accounts: accounts.map(accountView) };
    },
  );
};
