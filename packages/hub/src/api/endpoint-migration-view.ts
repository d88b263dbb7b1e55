import { type Static, Type } from "@sinclair/typebox";
import { type EndpointMigration, migrationStates } from "../domain/banks/endpoint-migration.ts";
import { literalUnion } from "./literal-union.ts";

const DateTime = Type.String({ format: "date-time" });

export const EndpointMigrationViewSchema = Type.Object(
  {
    bankId: Type.String(),
    id: Type.String(),
    fromEndpointId: Type.String(),
    toEndpointId: Type.String(),
    weightPercent: Type.Integer({
      description:
        "The share of the source's agreements served by the target, stable per agreement",
    }),
    state: literalUnion(migrationStates, {
      description:
        "active: routing at its weight; completing: re-pinning agreements at 100; rolled_back; completed",
    }),
    history: Type.Array(
      Type.Object({
        at: DateTime,
        actorId: Type.String({ description: "The operator token that made the step" }),
        weightPercent: Type.Integer(),
        state: literalUnion(migrationStates),
      }),
      { description: "Every step, oldest first" },
    ),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { title: "EndpointMigration" },
);
export type EndpointMigrationView = Static<typeof EndpointMigrationViewSchema>;

export function endpointMigrationView(migration: EndpointMigration): EndpointMigrationView {
  return {
    bankId: migration.bankId,
    id: migration.id,
    fromEndpointId: migration.fromEndpointId,
    toEndpointId: migration.toEndpointId,
    weightPercent: migration.weightPercent,
    state: migration.state,
    history: migration.history.map((step) => ({
      ...step,
      at: new Date(step.at).toISOString(),
    })),
    createdAt: new Date(migration.createdAt).toISOString(),
    updatedAt: new Date(migration.updatedAt).toISOString(),
  };
}
