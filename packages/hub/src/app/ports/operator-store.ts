import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { OperatorAccount } from "../../domain/operators/operator-account.ts";
import type { OperatorRole } from "../../domain/operators/operator-role.ts";

export interface OperatorToken {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  /** The most the token may do; it acts with the weaker of this and its account's role. */
  readonly role: OperatorRole;
  readonly accountId: string;
}

/** A token or session as found for a request: with its account, which must be enabled. */
export interface ActiveToken {
  readonly token: OperatorToken;
  readonly account: OperatorAccount;
}

export interface OperatorSession {
  readonly id: string;
  readonly accountId: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
}

export interface ActiveSession {
  readonly session: OperatorSession;
  readonly account: OperatorAccount;
}

/** Why an account change was refused. */
export type AccountChangeRefusal =
  | "operator_account_not_found"
  | "operator_account_disabled"
  | "operator_account_last_admin";

/**
 * Operator accounts, their API tokens and console sessions. Only hashes of tokens, session
 * secrets and passwords are stored. A write given an `audit` record appends it in the same
 * transaction.
 */
export interface OperatorStore {
  /** False when the name is taken. */
  createAccount(
    account: OperatorAccount,
    passwordHash: string | null,
    audit: AuditRecord,
  ): Promise<boolean>;
  findAccount(id: string): Promise<OperatorAccount | undefined>;
  findAccountByName(name: string): Promise<OperatorAccount | undefined>;
  /** The stored password hash of an enabled account that can log in. */
  findLogin(name: string): Promise<{ account: OperatorAccount; passwordHash: string } | undefined>;
  listAccounts(limit: number, afterName?: string): Promise<OperatorAccount[]>;
  /**
   * Changes the role, or disables the account (ending its sessions), unless that would leave no
   * enabled admin: checked in the transaction, so two admins demoting each other cannot both win.
   */
  changeAccount(
    id: string,
    change: { readonly role: OperatorRole } | { readonly disabledAt: number },
    audit: AuditRecord,
  ): Promise<{ ok: true; account: OperatorAccount } | { ok: false; code: AccountChangeRefusal }>;

  createToken(token: OperatorToken, tokenHash: string, audit?: AuditRecord): Promise<void>;
  /** An unrevoked token of an enabled account. */
  findActiveToken(tokenHash: string): Promise<ActiveToken | undefined>;
  countActiveTokens(): Promise<number>;
  revokeToken(id: string, at: number): Promise<boolean>;

  createSession(session: OperatorSession, secretHash: string): Promise<void>;
  /** A session of an enabled account, whatever its age: the caller judges expiry. */
  findSession(secretHash: string): Promise<ActiveSession | undefined>;
  touchSession(id: string, lastSeenAt: number): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Deletes the account's sessions idle since before `lastSeenBefore` or opened before `createdBefore`. */
  deleteExpiredSessions(
    accountId: string,
    lastSeenBefore: number,
    createdBefore: number,
  ): Promise<void>;
}
