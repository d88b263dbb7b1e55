import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import { type OperatorRole, roleAllows } from "../../domain/operators/operator-role.ts";
import type { ActiveToken, OperatorStore, OperatorToken } from "../ports/operator-store.ts";
import type { OperatorAccountService } from "./operator-account-service.ts";

export type { ActiveToken, OperatorToken } from "../ports/operator-store.ts";

/**
 * Operator API tokens. The prefix makes a leaked token recognisable to secret scanners; only
 * a SHA-256 hash is stored, so a database dump does not hand out API access. A plain hash (no
 * salt, no slow KDF) is enough because the token carries 256 random bits, not a human password.
 */
export const operatorTokenPrefix = "chop_";
const operatorTokenRandomBytes = 32;
/** A real token is 48 characters; longer ones are refused without hashing them. */
const operatorTokenLengthMax = 128;
export const operatorTokenNameLengthMax = 100;

export interface IssuedOperatorToken extends OperatorToken {
  /** Shown once; it cannot be recovered later. */
  readonly token: string;
}

export interface TokenBinding {
  /** The account the token acts for, created without a password if absent; the token's name by default. */
  readonly accountName?: string | undefined;
  /** Admin by default: the command line is run by whoever holds the database. */
  readonly role?: OperatorRole | undefined;
  readonly clock?: (() => number) | undefined;
}

export function hashOperatorToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Issues operator API tokens and finds the token a request presents. */
export class OperatorTokenService {
  constructor(
    private readonly store: OperatorStore,
    private readonly accounts: OperatorAccountService,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Issues a token bound to an account and a role that cannot exceed the account's, and records
   * who issued it (never the token or its hash) in the audit log.
   */
  async issue(
    name: string,
    actor: AuditActor,
    binding: TokenBinding = {},
  ): Promise<IssuedOperatorToken> {
    if (name.length === 0 || name.length > operatorTokenNameLengthMax) {
      throw new Error(`token name must be 1..${operatorTokenNameLengthMax} characters`);
    }
    const role = binding.role ?? "admin";
    const accountName = binding.accountName ?? name;
    const found = await this.accounts.findOrCreateTokenAccount(accountName, role, actor);
    if (!found.ok)
      throw new Error(`cannot bind the token to account "${accountName}": ${found.code}`);
    const account = found.value;
    if (!roleAllows(account.role, role)) {
      throw new Error(
        `a token's role cannot exceed its account's: "${account.name}" is ${account.role}, not ${role}`,
      );
    }
    const token = `${operatorTokenPrefix}${randomBytes(operatorTokenRandomBytes).toString("base64url")}`;
    const issued: OperatorToken = {
      id: randomUUID(),
      name,
      createdAt: (binding.clock ?? this.clock)(),
      role,
      accountId: account.id,
    };
    await this.store.createToken(issued, hashOperatorToken(token), {
      at: issued.createdAt,
      actor,
      action: "operator_token.issue",
      subject: `operator_token:${issued.id}`,
      details: { name, role, operatorId: account.id, operatorName: account.name },
    });
    return { ...issued, token };
  }

  /** The unrevoked token of an enabled account that `token` is, if any. */
  async authenticate(token: string): Promise<ActiveToken | undefined> {
    if (token.length > operatorTokenLengthMax) return undefined;
    return this.store.findActiveToken(hashOperatorToken(token));
  }

  /** How many unrevoked tokens there are: none means the first start prints one. */
  countActive(): Promise<number> {
    return this.store.countActiveTokens();
  }
}
