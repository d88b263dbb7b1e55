import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { transferResultCodes } from "../../domain/ledger/result-code.ts";
import { operatorProblems } from "./operator-problems.ts";

const ResultCodes = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      transient: Type.Boolean({
        description: "The same request may succeed if retried unchanged later",
      }),
      meaning: Type.String(),
    }),
    { description: "In order of precedence: when several apply, the ledger answers the first" },
  ),
});

/** The list is closed and ordered; clients can generate their handling from it. */
export const resultCodesRoute: FastifyPluginAsyncTypebox = async (app) => {
  const items = Object.entries(transferResultCodes).map(([code, entry]) => ({
    code,
    transient: entry.transient,
    meaning: entry.meaning,
  }));
  app.get(
    "/result-codes",
    {
      schema: {
        summary: "The transfer result codes",
        tags: ["transfers"],
        response: { 200: ResultCodes, ...operatorProblems() },
      },
    },
    async () => ({ items }),
  );
};
