import { type Static, Type } from "@sinclair/typebox";
import type { AccountBalances } from "../app/participants/participant-service.ts";
import {
  type Participant,
  participantKinds,
  participantStatuses,
} from "../domain/participant/participant.ts";
import { AccountViewSchema, accountView } from "./account-view.ts";
import { literalUnion } from "./literal-union.ts";

export const ParticipantViewSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: literalUnion(participantKinds),
    status: literalUnion(participantStatuses),
    createdAt: Type.String({ format: "date-time" }),
  },
  { title: "Participant" },
);
export type ParticipantView = Static<typeof ParticipantViewSchema>;

export const ParticipantDetailSchema = Type.Object(
  { ...ParticipantViewSchema.properties, accounts: Type.Array(AccountViewSchema) },
  { title: "ParticipantWithAccounts" },
);
export type ParticipantDetail = Static<typeof ParticipantDetailSchema>;

export function participantView(participant: Participant): ParticipantView {
  return {
    id: participant.id,
    name: participant.name,
    kind: participant.kind,
    status: participant.status,
    createdAt: new Date(participant.createdAt).toISOString(),
  };
}

export function participantDetail(
  participant: Participant,
  accounts: readonly AccountBalances[],
  /** Basis points per currency whose cap follows the reserve; other positions show null. */
  reserveCaps: ReadonlyMap<string, number> | undefined,
): ParticipantDetail {
  return {
    ...participantView(participant),
    accounts: accounts.map((account) =>
      accountView(account, reserveCaps?.get(account.currency) ?? null),
    ),
  };
}
