import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { sendProblem } from "../problem.ts";
import { TransferViewSchema, transferView } from "../transfer-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

/** Room for hub-written ids ("~expire:" + a client id) as well as client ids. */
const transferIdParamLengthMax = 128;

const Params = Type.Object({ transferId: Type.String({ maxLength: transferIdParamLengthMax }) });

export const getTransferRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/transfers/:transferId",
    {
      schema: {
        summary: "A recorded transfer",
        tags: ["transfers"],
        params: Params,
        response: { 200: TransferViewSchema, ...operatorProblems("transfer_not_found") },
      },
    },
    async (request, reply) => {
      const transfer = await hub.ledgerStore.findTransfer(request.params.transferId);
      if (transfer === undefined) return sendProblem(reply, "transfer_not_found");
      return transferView(transfer);
    },
  );
};
