import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { sendProblem } from "../problem.ts";
import { transferRecordProperties, transferRecordView } from "../transfer-record-view.ts";
import { TransferViewSchema, transferView } from "../transfer-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

/** Room for hub-written ids ("~expire:" + a client id) as well as client ids. */
export const transferIdParamLengthMax = 128;

const Params = Type.Object({ transferId: Type.String({ maxLength: transferIdParamLengthMax }) });

/** The ledger's own record of the transfer, and the search's view of it: parties and state. */
const TransferDetailSchema = Type.Object(
  { ...TransferViewSchema.properties, ...transferRecordProperties },
  { title: "TransferWithState" },
);

export const getTransferRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/transfers/:transferId",
    {
      schema: {
        summary: "A recorded transfer, with its parties and current state",
        tags: ["transfers"],
        params: Params,
        response: { 200: TransferDetailSchema, ...operatorProblems("transfer_not_found") },
      },
    },
    async (request, reply) => {
      const { transferId } = request.params;
      const [transfer, record] = await Promise.all([
        hub.ledgerReader.findTransfer(transferId),
        hub.transferSearch.find(transferId),
      ]);
      if (transfer === undefined || record === undefined) {
        return sendProblem(reply, "transfer_not_found");
      }
      return { ...transferView(transfer), ...transferRecordView(record) };
    },
  );
};
