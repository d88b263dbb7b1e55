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

/** A position's net debit cap following the reserve: factor in basis points (15000 = 1.5×). */
export interface ReserveCapRule {
  readonly participantId: string;
  readonly currency: string;
  readonly factorBps: number;
}

/**
 * Reserve-following caps. Each re-set is one statement that reads the settlement account's
 * balance as it stands when it runs, so the last re-set after concurrent movements leaves the
 * cap of the final balance.
 */
export interface ReserveCapStore {
  findReserveCapRule(participantId: string, currency: string): Promise<ReserveCapRule | undefined>;
  /** The rules of these participants, in one read. */
  listReserveCapRules(participantIds: readonly string[]): Promise<ReserveCapRule[]>;
  /**
   * Writes (or replaces) the rule and re-sets the cap from it, with the audit entry made from
   * the new cap, in one transaction: the new cap.
   */
  setReserveCapRule(
    rule: ReserveCapRule,
    at: number,
    audit: (netDebitCap: bigint) => AuditRecord,
  ): Promise<bigint>;
  /** Deletes the rule, leaving the cap as it is; false when there was none. */
  clearReserveCapRule(
    participantId: string,
    currency: string,
    audit: AuditRecord,
  ): Promise<boolean>;
  /** Re-sets the cap from the current reserve when a rule applies: the new cap, else undefined. */
  followReserve(participantId: string, currency: string): Promise<bigint | undefined>;
}

export interface ParticipantFilter {
  readonly kind?: ParticipantKind | undefined;
  readonly status?: ParticipantStatus | undefined;
}
