import { type Static, Type } from "@sinclair/typebox";
import type { OperatorAccount } from "../domain/operators/operator-account.ts";
import { operatorRoles } from "../domain/operators/operator-role.ts";
import { literalUnion } from "./literal-union.ts";

export const OperatorRoleSchema = literalUnion(operatorRoles, {
  description:
    "viewer: reads only; operator: also day-to-day actions and proposals and approvals; admin: also operator accounts and tokens",
});

export const OperatorViewSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    role: OperatorRoleSchema,
    canLogIn: Type.Boolean({ description: "False for accounts that only hold API tokens" }),
    createdAt: Type.String({ format: "date-time" }),
    disabledAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  },
  { title: "Operator" },
);
export type OperatorView = Static<typeof OperatorViewSchema>;

export function operatorView(account: OperatorAccount): OperatorView {
  return {
    id: account.id,
    name: account.name,
    role: account.role,
    canLogIn: account.canLogIn,
    createdAt: new Date(account.createdAt).toISOString(),
    disabledAt: account.disabledAt === null ? null : new Date(account.disabledAt).toISOString(),
  };
}
