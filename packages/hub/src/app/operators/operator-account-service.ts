import { randomBytes, randomUUID } from "node:crypto";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import {
  isAcceptablePassword,
  isOperatorName,
  type OperatorAccount,
} from "../../domain/operators/operator-account.ts";
import type { OperatorRole } from "../../domain/operators/operator-role.ts";
import type { AccountChangeRefusal, OperatorStore } from "../ports/operator-store.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";

export type OperatorAccountErrorCode =
  | AccountChangeRefusal
  | "operator_name_invalid"
  | "operator_account_exists"
  | "password_invalid";

export type AccountOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: OperatorAccountErrorCode };

export interface NewOperatorAccount {
  readonly name: string;
  readonly role: OperatorRole;
  /** Generated when absent, and returned once. */
  readonly password?: string | undefined;
}

/** 18 random bytes: 144 bits, 24 base64url characters a person can paste. */
const generatedPasswordBytes = 18;
export const operatorAccountPageSizeMax = 200;

/** Operator accounts: created with a password, listed, given another role, disabled. */
export class OperatorAccountService {
  constructor(
    private readonly store: OperatorStore,
    private readonly hasher: PasswordHasher,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The password is returned only here, whether chosen or generated; only its hash is kept. */
  async create(
    input: NewOperatorAccount,
    actor: AuditActor,
  ): Promise<AccountOutcome<{ account: OperatorAccount; password: string }>> {
    if (!isOperatorName(input.name)) return { ok: false, code: "operator_name_invalid" };
    const password = input.password ?? randomBytes(generatedPasswordBytes).toString("base64url");
    if (!isAcceptablePassword(password)) return { ok: false, code: "password_invalid" };
    const account = this.newAccount(input.name, input.role, true);
    const created = await this.store.createAccount(account, await this.hasher.hash(password), {
      at: account.createdAt,
      actor,
      action: "operator_account.create",
      subject: `operator_account:${account.id}`,
      details: { name: account.name, role: account.role },
    });
    return created
      ? { ok: true, value: { account, password } }
      : { ok: false, code: "operator_account_exists" };
  }

  /**
   * The account a command-line token is bound to: the named one, or a new one without a
   * password (it exists to hold tokens) with the token's role.
   */
  async findOrCreateTokenAccount(
    name: string,
    role: OperatorRole,
    actor: AuditActor,
  ): Promise<AccountOutcome<OperatorAccount>> {
    if (!isOperatorName(name)) return { ok: false, code: "operator_name_invalid" };
    const found = await this.store.findAccountByName(name);
    if (found !== undefined) {
      return found.disabledAt === null
        ? { ok: true, value: found }
        : { ok: false, code: "operator_account_disabled" };
    }
    const account = this.newAccount(name, role, false);
    await this.store.createAccount(account, null, {
      at: account.createdAt,
      actor,
      action: "operator_account.create",
      subject: `operator_account:${account.id}`,
      details: { name: account.name, role: account.role, tokensOnly: true },
    });
    // A concurrent command may have created it first: read back whichever won.
    const stored = await this.store.findAccountByName(name);
    if (stored === undefined) throw new Error(`operator account ${name} vanished after creation`);
    return { ok: true, value: stored };
  }

  list(limit: number, afterName?: string): Promise<OperatorAccount[]> {
    return this.store.listAccounts(limit, afterName);
  }

  find(id: string): Promise<OperatorAccount | undefined> {
    return this.store.findAccount(id);
  }

  async changeRole(
    id: string,
    role: OperatorRole,
    actor: AuditActor,
  ): Promise<AccountOutcome<OperatorAccount>> {
    const changed = await this.store.changeAccount(
      id,
      { role },
      {
        at: this.clock(),
        actor,
        action: "operator_account.role_change",
        subject: `operator_account:${id}`,
        details: { role },
      },
    );
    return changed.ok ? { ok: true, value: changed.account } : changed;
  }

  /** Disabling ends the account's sessions and stops its tokens; it cannot be undone. */
  async disable(id: string, actor: AuditActor): Promise<AccountOutcome<OperatorAccount>> {
    const at = this.clock();
    const changed = await this.store.changeAccount(
      id,
      { disabledAt: at },
      {
        at,
        actor,
        action: "operator_account.disable",
        subject: `operator_account:${id}`,
        details: {},
      },
    );
    return changed.ok ? { ok: true, value: changed.account } : changed;
  }

  private newAccount(name: string, role: OperatorRole, canLogIn: boolean): OperatorAccount {
    return { id: randomUUID(), name, role, canLogIn, createdAt: this.clock(), disabledAt: null };
  }
}
