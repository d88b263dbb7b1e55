import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { findCurrency } from "../../domain/money/currency.ts";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { BarcodeLimitsViewSchema, barcodeLimitsView } from "../barcode-limit-view.ts";
import { CurrencyInput } from "../money-codec.ts";
import { sendProblem } from "../problem.ts";
import {
  BarcodeLimitsInput,
  barcodeLimitsPayload,
  readBarcodeLimits,
} from "./barcode-limit-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const setProblems = operatorProblems(
  "currency_unknown",
  "barcode_limit_invalid",
  "amount_invalid",
  "amount_too_precise",
  "amount_too_large",
);

const setDescription =
  "Sets the daily limits per payer customer of the currency's four PBOC risk levels (A: two or more factors including a digital certificate or electronic signature; B: two or more factors; C: fewer than two; D: any static code), each a decimal string or null for no limit. Raising a limit lets more money through, so it takes four eyes: the route checks the limits, changes nothing, and answers 202 with a proposal that another operator account approves (POST /operator/v1/approvals/{approvalId}/approve). A currency with no limits set refuses every barcode payment (`currency_has_no_limits`).";

/**
 * Barcode payments' daily limits per currency and risk level. Reading is open to viewers;
 * setting takes four eyes, as fee schedules do.
 */
export const barcodeLimitRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/barcode-limits",
    {
      schema: {
        summary: "The barcode payments' daily limits of every configured currency",
        description:
          "By currency. A currency not listed has no limits, and its barcode payments are refused. CNY starts at the PBOC defaults: A null (by agreement), B 5000.00, C 1000.00, D 500.00.",
        tags: ["barcode limits"],
        response: {
          200: Type.Object(
            { items: Type.Array(BarcodeLimitsViewSchema) },
            { title: "BarcodeLimitList" },
          ),
          ...operatorProblems(),
        },
      },
    },
    async () => {
      const table = await hub.barcodeLimits.table();
      return { items: [...table].map(([currency, limits]) => barcodeLimitsView(currency, limits)) };
    },
  );

  app.put(
    "/barcode-limits/:currency",
    {
      schema: {
        summary: "Propose the barcode payments' daily limits of a currency",
        description: setDescription,
        tags: ["barcode limits"],
        params: Type.Object({ currency: CurrencyInput }),
        body: BarcodeLimitsInput,
        response: { 202: ProposalSchema, ...setProblems },
      },
    },
    async (request, reply) => {
      const code = findCurrency(request.params.currency)?.code ?? request.params.currency;
      const read = readBarcodeLimits({ currency: code, ...request.body });
      if (!read.ok) return sendProblem(reply, read.code);
      const { currency, limits } = read.value;
      return proposeAction(hub, request, reply, "barcode_limits.set", {
        ...barcodeLimitsPayload(currency, limits),
      });
    },
  );
};
