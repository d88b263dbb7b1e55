import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { transferResultCodes } from "../../domain/ledger/result-code.ts";
import { literalUnion } from "../literal-union.ts";
import { resultCodeTable } from "../openapi-document.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import {
  readTransferBatch,
  TransferItemInput,
  transferItemErrorCodes,
  transfersPerRequestMax,
} from "../transfer-batch-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Body = Type.Object(
  {
    transfers: Type.Array(TransferItemInput, {
      minItems: 1,
      maxItems: transfersPerRequestMax,
      description: `1..${transfersPerRequestMax} transfers, applied in order`,
    }),
  },
  { additionalProperties: false },
);

const Results = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      code: literalUnion(Object.keys(transferResultCodes) as (keyof typeof transferResultCodes)[]),
    }),
    { description: "One result per transfer, in request order" },
  ),
});

const itemCodeList = Object.entries(transferItemErrorCodes)
  .map(([code, meaning]) => `\`${code}\` (${meaning})`)
  .join(", ");

const description = `Submits the transfers to the ledger in one call and answers one result per
transfer. Transfers are independent unless \`linked\`: a linked group succeeds or fails whole.

Before anything is submitted, every transfer is checked for shape: a malformed one makes the
whole request fail with 422 \`transfers_invalid\`, listing each offending item as
\`{index, code, pointer}\` with one of ${itemCodeList}; nothing is written. More than
${transfersPerRequestMax} transfers answer 413 \`batch_too_large\`, also before anything is read.

Result codes:

${resultCodeTable()}`;

function transferCount(body: unknown): number {
  if (typeof body !== "object" || body === null) return 0;
  const transfers = (body as { transfers?: unknown }).transfers;
  return Array.isArray(transfers) ? transfers.length : 0;
}

/** Runs before schema validation, so an oversized batch is refused without checking its items. */
async function refuseOversizedBatch(request: FastifyRequest, reply: FastifyReply) {
  const count = transferCount(request.body);
  if (count <= transfersPerRequestMax) return undefined;
  return sendProblem(reply, "batch_too_large", {
    detail: `${count} transfers; at most ${transfersPerRequestMax} per request`,
  });
}

export const submitTransfersRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/transfers",
    {
      preValidation: refuseOversizedBatch,
      schema: {
        summary: "Submit a batch of transfers",
        description,
        tags: ["transfers"],
        body: Body,
        response: {
          200: Results,
          ...operatorProblems("transfers_invalid", "batch_too_large", "body_too_large"),
        },
      },
    },
    async (request, reply) => {
      const read = readTransferBatch(request.body.transfers);
      if (!read.ok) {
        const items = new Set(read.errors.map((error) => error.index)).size;
        return sendProblem(reply, "transfers_invalid", {
          detail: `${items} of ${request.body.transfers.length} transfers are malformed; none was submitted`,
          errors: read.errors,
        });
      }
      const codes = await hub.operatorTransfers.submit(read.requests, operatorActor(request));
      return {
        results: read.requests.map(({ id }, index) => ({
          id,
          code: codes[index] ?? "storage_unavailable",
        })),
      };
    },
  );
};
