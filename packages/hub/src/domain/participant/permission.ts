import type { ParticipantKind } from "./participant.ts";

/**
 * What a participant may do through the participant API, by kind. Each route names one
 * operation; a participant whose kind lacks it is refused before anything is read or written.
 * Ownership (a participant sees only what it is party to) is checked by each use-case.
 */
export const participantOperations = {
  "connectivity.check": "Send a signed request that does nothing, to test signing and keys",
  "accounts.read": "Read its own accounts and balances",
  "transfers.create": "Move funds from its position to another participant's",
  "transfers.resolve": "Commit or void a reservation it made",
  "transfers.read": "Read and list transfers it is party to",
  "webhooks.manage": "Register, list and remove its webhook endpoints",
} as const satisfies Record<string, string>;

export type ParticipantOperation = keyof typeof participantOperations;

const everyone: readonly ParticipantOperation[] = [
  "connectivity.check",
  "accounts.read",
  "transfers.read",
  "webhooks.manage",
];
const payers: readonly ParticipantOperation[] = [
  ...everyone,
  "transfers.create",
  "transfers.resolve",
];

/**
 * Banks and payment institutions pay; a biller only collects, so it cannot initiate a
 * payment. The operator does not use the participant API: it has its own, with its own token.
 */
const permissions: Readonly<Record<ParticipantKind, ReadonlySet<ParticipantOperation>>> = {
  bank: new Set(payers),
  payment_institution: new Set(payers),
  biller: new Set(everyone),
  operator: new Set(),
};

export function isPermitted(kind: ParticipantKind, operation: ParticipantOperation): boolean {
  return permissions[kind].has(operation);
}
