import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { AccountKind } from "../../domain/ledger/account.ts";
import type {
  Participant,
  ParticipantKind,
  ParticipantStatus,
} from "../../domain/participant/participant.ts";
import type { AccountBalances } from "./ledger-store.ts";

export interface NewAccount {
  readonly participantId: string;
  readonly kind: AccountKind;
  readonly currency: string;
  readonly debitLimit: bigint | null;
}

/**
 * Participants and their accounts. Balances change only through the ledger's batches. A write
 * given an `audit` record appends it to the audit log in the same transaction, and only when
 * the write changed something.
 */
export interface ParticipantStore {
  /** Writes the participant and its accounts together; false if the id is taken. */
  createParticipant(
    participant: Participant,
    accounts: readonly NewAccount[],
    audit?: AuditRecord,
  ): Promise<boolean>;
  findParticipant(id: string): Promise<Participant | undefined>;
  /** In id order, after `afterId`, only those of the filter's kind and status when given. */
  listParticipants(
    limit: number,
    afterId?: string,
    filter?: ParticipantFilter,
  ): Promise<Participant[]>;
  findOperator(): Promise<Participant | undefined>;
  /** Changes the status only if it is still `from`; false if it was not. */
  setStatus(
    id: string,
    from: ParticipantStatus,
    to: ParticipantStatus,
    audit?: AuditRecord,
  ): Promise<boolean>;
  /** Adds the accounts that do not exist yet; existing (participant, currency, kind) are kept. */
  addAccounts(accounts: readonly NewAccount[], audit?: AuditRecord): Promise<void>;
  setDebitLimit(accountId: number, debitLimit: bigint | null, audit?: AuditRecord): Promise<void>;
  listAccounts(participantId: string): Promise<AccountBalances[]>;
  /** The participant holding each of these accounts; unknown ids are left out. */
  findAccountOwners(accountIds: readonly number[]): Promise<Map<number, string>>;
  /** The accounts of several participants in one read, in account id order. */
  listAccountsOf(participantIds: readonly string[]): Promise<AccountBalances[]>;
  findAccount(
    participantId: string,
    currency: string,
    kind: AccountKind,
  ): Promise<AccountBalances | undefined>;
}

export interface ParticipantFilter {
  readonly kind?: ParticipantKind | undefined;
  readonly status?: ParticipantStatus | undefined;
}
