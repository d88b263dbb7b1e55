import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { operatorAccountPageSizeMax } from "../../app/operators/operator-account-service.ts";
import {
  operatorNameLengthMax,
  operatorPasswordLengthMax,
} from "../../domain/operators/operator-account.ts";
import { operatorActor } from "../operator-auth.ts";
import { OperatorRoleSchema, OperatorViewSchema, operatorView } from "../operator-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const operatorPageSizeDefault = 100;

const Query = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: operatorAccountPageSizeMax,
        default: operatorPageSizeDefault,
      }),
    ),
    after: Type.Optional(
      Type.String({
        maxLength: operatorNameLengthMax,
        description: "The `nextCursor` of the previous page",
      }),
    ),
  },
  { additionalProperties: false },
);

const CreateBody = Type.Object(
  {
    name: Type.String({ description: "What the operator logs in with; shown in the audit log" }),
    role: OperatorRoleSchema,
    password: Type.Optional(
      Type.String({
        maxLength: operatorPasswordLengthMax,
        description: "12-256 characters; generated and returned once when absent",
      }),
    ),
  },
  { additionalProperties: false },
);

const OperatorParams = Type.Object({ operatorId: Type.String({ maxLength: 64 }) });
const RoleBody = Type.Object({ role: OperatorRoleSchema }, { additionalProperties: false });

/** Operator accounts: admins create them, change their roles, and disable them. */
export const operatorAccountRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/operators",
    {
      schema: {
        summary: "List operator accounts in name order",
        tags: ["operators"],
        querystring: Query,
        response: {
          200: Type.Object({
            items: Type.Array(OperatorViewSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: "Pass as `after` for the next page; null on the last page",
            }),
          }),
          ...operatorProblems(),
        },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? operatorPageSizeDefault;
      const accounts = await hub.operatorAccounts.list(limit, request.query.after);
      const last = accounts.at(-1);
      return {
        items: accounts.map(operatorView),
        nextCursor: accounts.length === limit && last !== undefined ? last.name : null,
      };
    },
  );

  app.post(
    "/operators",
    {
      schema: {
        summary: "Create an operator account",
        description:
          "The password, chosen or generated, is answered once; only its scrypt hash is kept. Recorded in the audit log.",
        tags: ["operators"],
        body: CreateBody,
        response: {
          201: Type.Object({
            operator: OperatorViewSchema,
            password: Type.String({ description: "Shown once; it cannot be recovered later" }),
          }),
          ...operatorProblems(
            "operator_name_invalid",
            "password_invalid",
            "operator_account_exists",
          ),
        },
      },
    },
    async (request, reply) => {
      const created = await hub.operatorAccounts.create(request.body, operatorActor(request));
      if (!created.ok) return sendProblem(reply, created.code);
      return reply
        .code(201)
        .send({ operator: operatorView(created.value.account), password: created.value.password });
    },
  );

  app.get(
    "/operators/:operatorId",
    {
      schema: {
        summary: "One operator account",
        tags: ["operators"],
        params: OperatorParams,
        response: { 200: OperatorViewSchema, ...operatorProblems("operator_account_not_found") },
      },
    },
    async (request, reply) => {
      const account = await hub.operatorAccounts.find(request.params.operatorId);
      if (account === undefined) return sendProblem(reply, "operator_account_not_found");
      return operatorView(account);
    },
  );

  app.put(
    "/operators/:operatorId/role",
    {
      schema: {
        summary: "Give an operator account another role",
        description:
          "Takes effect on the account's next request, for its sessions and tokens alike (a token acts with at most its account's role). The last enabled admin keeps its role.",
        tags: ["operators"],
        params: OperatorParams,
        body: RoleBody,
        response: {
          200: OperatorViewSchema,
          ...operatorProblems(
            "operator_account_not_found",
            "operator_account_disabled",
            "operator_account_last_admin",
          ),
        },
      },
    },
    async (request, reply) => {
      const changed = await hub.operatorAccounts.changeRole(
        request.params.operatorId,
        request.body.role,
        operatorActor(request),
      );
      if (!changed.ok) return sendProblem(reply, changed.code);
      return operatorView(changed.value);
    },
  );

  app.post(
    "/operators/:operatorId/disable",
    {
      schema: {
        summary: "Disable an operator account: its sessions end and its tokens stop working",
        description: "Final: the name stays taken, so the audit log never names two people alike.",
        tags: ["operators"],
        params: OperatorParams,
        response: {
          200: OperatorViewSchema,
          ...operatorProblems(
            "operator_account_not_found",
            "operator_account_disabled",
            "operator_account_last_admin",
          ),
        },
      },
    },
    async (request, reply) => {
      const disabled = await hub.operatorAccounts.disable(
        request.params.operatorId,
        operatorActor(request),
      );
      if (!disabled.ok) return sendProblem(reply, disabled.code);
      return operatorView(disabled.value);
    },
  );
};
