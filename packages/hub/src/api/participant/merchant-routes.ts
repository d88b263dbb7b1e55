import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { merchantPageSizeMax } from "../../app/merchants/merchant-directory.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import {
  MerchantPageQuery,
  merchantPageSizeDefault,
  nextMerchantCursor,
  readMerchantCursor,
} from "../merchant-page.ts";
import {
  MerchantDirectoryEntrySchema,
  MerchantInput,
  MerchantSchema,
  merchantDirectoryEntry,
  merchantView,
  sendMerchantProblem,
} from "../merchant-view.ts";
import { sendProblem } from "../problem.ts";
import { ParticipantIdInput } from "../routes/participant-params.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

/** Longer than any valid id, so a bad id answers `merchant_invalid` or a 404, not a schema error. */
const MerchantIdInput = Type.String({
  minLength: 1,
  maxLength: 64,
  description: "The acquirer's own id of the merchant: 1 to 32 of A-Z, a-z, 0-9, '.', '_', '-'",
  examples: ["store-0042"],
});
const MerchantParams = Type.Object({ merchantId: MerchantIdInput });
const DirectoryParams = Type.Object({
  acquirerId: ParticipantIdInput,
  merchantId: MerchantIdInput,
});

/**
 * An acquirer's own merchants (a bank or a payment institution that serves merchants), and
 * the directory lookup any payer's institution makes before paying one.
 */
export const merchantRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.put(
    "/merchants/:merchantId",
    {
      config: { operation: "merchants.manage" },
      schema: {
        summary: "Register one of your merchants, or change its fields",
        description:
          "Idempotent: 201 when the merchant is registered, 200 after (the same fields again change nothing, not even `updatedAt`, so a retry is safe). A closed merchant is not changed (409 `merchant_closed`). A refused merchant answers 422 `merchant_invalid` whose `errors` name each field (JSON pointer) with its code; nothing is written.",
        tags: ["merchants"],
        params: MerchantParams,
        body: MerchantInput,
        response: {
          200: MerchantSchema,
          201: MerchantSchema,
          ...participantProblems("merchant_invalid", "merchant_closed", "participant_not_acquirer"),
        },
      },
    },
    async (request, reply) => {
      const acquirer = request.participant as Participant;
      const registered = await hub.merchants.register(
        acquirer,
        request.params.merchantId,
        request.body,
      );
      if (!registered.ok) return sendMerchantProblem(reply, registered);
      const { merchant, created } = registered.value;
      return reply.code(created ? 201 : 200).send(merchantView(merchant));
    },
  );

  app.get(
    "/merchants/:merchantId",
    {
      config: { operation: "merchants.manage" },
      schema: {
        summary: "One of your merchants",
        tags: ["merchants"],
        params: MerchantParams,
        response: { 200: MerchantSchema, ...participantProblems("merchant_not_found") },
      },
    },
    async (request, reply) => {
      const found = await hub.merchants.find(
        request.participant as Participant,
        request.params.merchantId,
      );
      return found.ok ? merchantView(found.value) : sendMerchantProblem(reply, found);
    },
  );

  app.get(
    "/merchants",
    {
      config: { operation: "merchants.manage" },
      schema: {
        summary: "Your merchants, newest first",
        description: `Closed ones included. Pages of up to ${merchantPageSizeMax} (default ${merchantPageSizeDefault}); pass \`next\` as \`cursor\` for the next page; \`next\` is null on the last page.`,
        tags: ["merchants"],
        querystring: MerchantPageQuery,
        response: {
          200: Type.Object({
            merchants: Type.Array(MerchantSchema),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          ...participantProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const { limit = merchantPageSizeDefault, cursor } = request.query;
      const after = cursor === undefined ? undefined : readMerchantCursor(cursor);
      if (cursor !== undefined && after === undefined) return sendProblem(reply, "cursor_invalid");
      const acquirer = request.participant as Participant;
      const page = await hub.merchants.list(acquirer.id, limit, after);
      return { merchants: page.map(merchantView), next: nextMerchantCursor(page, limit) };
    },
  );

  app.post(
    "/merchants/:merchantId/close",
    {
      config: { operation: "merchants.manage" },
      schema: {
        summary: "Close one of your merchants, for good",
        description:
          "A closed merchant cannot be paid or changed, and its id is not reused. Closing a closed merchant answers it as it is.",
        tags: ["merchants"],
        params: MerchantParams,
        response: { 200: MerchantSchema, ...participantProblems("merchant_not_found") },
      },
    },
    async (request, reply) => {
      const closed = await hub.merchants.close(
        request.participant as Participant,
        request.params.merchantId,
      );
      return closed.ok ? merchantView(closed.value) : sendMerchantProblem(reply, closed);
    },
  );

  app.get(
    "/merchant-directory/:acquirerId/:merchantId",
    {
      config: { operation: "merchants.read" },
      schema: {
        summary: "Look up a merchant at any acquirer, before paying it",
        description:
          "The merchant as payers see it: name, category, city, country and status. A closed merchant is answered with `status: closed`; it cannot be paid.",
        tags: ["merchants"],
        params: DirectoryParams,
        response: {
          200: MerchantDirectoryEntrySchema,
          ...participantProblems("merchant_not_found"),
        },
      },
    },
    async (request, reply) => {
      const { acquirerId, merchantId } = request.params;
      const found = await hub.merchants.lookup(acquirerId, merchantId);
      return found.ok ? merchantDirectoryEntry(found.value) : sendMerchantProblem(reply, found);
    },
  );
};
