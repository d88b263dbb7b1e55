import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import {
  stuckAfterSecondsDefault,
  stuckListSizeMax,
} from "../../app/operator/bank-operation-oversight.ts";
import {
  OperatorBankOperationSchema,
  operatorBankOperationView,
} from "../operator-bank-operation-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

/** A week: past that an operation is not stuck, it is lost, and every unsettled one shows. */
const olderThanSecondsMax = 7 * 24 * 60 * 60;

const Query = Type.Object(
  {
    olderThanSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: olderThanSecondsMax,
        default: stuckAfterSecondsDefault,
        description: `Unsettled for longer than this since recorded; default ${stuckAfterSecondsDefault}`,
      }),
    ),
  },
  { additionalProperties: false },
);

const StuckSchema = Type.Object(
  {
    ...OperatorBankOperationSchema.properties,
    ageSeconds: Type.Integer({ description: "Seconds since the operation was recorded" }),
  },
  { title: "StuckOperation" },
);

export const stuckOperationsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/stuck-operations",
    {
      schema: {
        summary: "Bank operations still unsettled past a threshold, oldest first",
        description: `Processing, pending or unknown for longer than \`olderThanSeconds\`: each is waiting on the bank, and on an inquiry (see \`inquire\`). At most ${stuckListSizeMax}, the oldest.`,
        tags: ["network"],
        querystring: Query,
        response: {
          200: Type.Object({ items: Type.Array(StuckSchema) }),
          ...operatorProblems(),
        },
      },
    },
    async (request) => {
      const stuck = await hub.bankOperationOversight.stuck(request.query.olderThanSeconds);
      return {
        items: stuck.map(({ operation, ageSeconds }) => ({
          ...operatorBankOperationView(operation),
          ageSeconds,
        })),
      };
    },
  );
};
