import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import {
  OperatorBankOperationSchema,
  operatorBankOperationView,
} from "../operator-bank-operation-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { participantIdLengthMax } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const Params = Type.Object({
  participantId: Type.String({ maxLength: participantIdLengthMax }),
  operationId: Type.String({ maxLength: 64 }),
});

export const inquireBankOperationRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/bank-operations/:participantId/:operationId/inquire",
    {
      schema: {
        summary: "Ask the bank where an unsettled operation stands, now",
        description:
          "Runs the status inquiry the inquiry job would run later, and answers the operation as it stands after it: settled if the bank knew, else unchanged, with its next inquiry scheduled. A final operation is refused.",
        tags: ["network"],
        params: Params,
        response: {
          200: OperatorBankOperationSchema,
          ...operatorProblems("bank_operation_not_found", "bank_operation_final"),
        },
      },
    },
    async (request, reply) => {
      const { participantId, operationId } = request.params;
      const outcome = await hub.bankOperationOversight.inquireNow(participantId, operationId);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      return operatorBankOperationView(outcome.operation);
    },
  );
};
