import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import type { OperatorAccount } from "../../domain/operators/operator-account.ts";
import { isOperatorName } from "../../domain/operators/operator-account.ts";
import type { LoginThrottle } from "../ports/login-throttle.ts";
import type { OperatorSession, OperatorStore } from "../ports/operator-store.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";

export interface SessionLimits {
  /** A session unused this long ends: a console left open on an unattended desk. */
  readonly idleMs: number;
  /** A session ends this long after login however busy: a stolen cookie is not good for ever. */
  readonly lifetimeMs: number;
  /** last_seen_at is written at most this often per session, not on every request. */
  readonly touchIntervalMs: number;
}

export const sessionLimitsDefaults: SessionLimits = {
  idleMs: 30 * 60_000,
  lifetimeMs: 12 * 60 * 60_000,
  touchIntervalMs: 60_000,
};

export interface OpenSession {
  readonly session: OperatorSession;
  readonly account: OperatorAccount;
  readonly expiresAt: number;
  readonly csrfToken: string;
}

export type LoginOutcome =
  | { ok: true; value: OpenSession & { readonly secret: string } }
  | { ok: false; code: "login_failed" }
  | { ok: false; code: "login_rate_limited"; retryAfterMs: number };

const sessionSecretPrefix = "chs_";
const sessionSecretBytes = 32;
const sessionSecretLengthMax = 128;

/**
 * Console sessions. The cookie holds a random secret; the store keeps only its SHA-256 (like
 * tokens, a plain hash suffices for 256 random bits), so every hub node sharing the store knows
 * every session and a database dump opens none. The CSRF token is an HMAC of the secret: any node
 * recomputes it, a page on another origin cannot read it, and the dump does not reveal it.
 */
export class OperatorSessionService {
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly store: OperatorStore,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly clock: () => number = Date.now,
    private readonly limits: SessionLimits = sessionLimitsDefaults,
  ) {}

  async login(name: string, password: string): Promise<LoginOutcome> {
    const taken = await this.throttle.take(name);
    if (!taken.ok)
      return { ok: false, code: "login_rate_limited", retryAfterMs: taken.retryAfterMs };
    const found = isOperatorName(name) ? await this.store.findLogin(name) : undefined;
    // An unknown name costs the same hash as a known one, so timing does not tell them apart.
    const verified = await this.hasher.verify(
      password,
      found?.passwordHash ?? (await this.decoy()),
    );
    if (found === undefined || !verified) return { ok: false, code: "login_failed" };
    await this.throttle.forget(name);
    const now = this.clock();
    await this.store.deleteExpiredSessions(
      found.account.id,
      now - this.limits.idleMs,
      now - this.limits.lifetimeMs,
    );
    const secret = `${sessionSecretPrefix}${randomBytes(sessionSecretBytes).toString("base64url")}`;
    const session: OperatorSession = {
      id: randomUUID(),
      accountId: found.account.id,
      createdAt: now,
      lastSeenAt: now,
    };
    await this.store.createSession(session, hashSessionSecret(secret));
    return { ok: true, value: { ...this.open(session, found.account, secret), secret } };
  }

  /** The session of a cookie's secret, kept alive by this use; undefined when unknown or expired. */
  async resume(secret: string): Promise<OpenSession | undefined> {
    if (secret.length > sessionSecretLengthMax) return undefined;
    const found = await this.store.findSession(hashSessionSecret(secret));
    if (found === undefined) return undefined;
    const now = this.clock();
    if (now >= this.expiresAt(found.session)) {
      await this.store.deleteSession(found.session.id);
      return undefined;
    }
    let session = found.session;
    if (now - session.lastSeenAt >= this.limits.touchIntervalMs) {
      await this.store.touchSession(session.id, now);
      session = { ...session, lastSeenAt: now };
    }
    return this.open(session, found.account, secret);
  }

  logout(sessionId: string): Promise<void> {
    return this.store.deleteSession(sessionId);
  }

  private open(session: OperatorSession, account: OperatorAccount, secret: string): OpenSession {
    return {
      session,
      account,
      expiresAt: this.expiresAt(session),
      csrfToken: csrfTokenFor(secret),
    };
  }

  private expiresAt(session: OperatorSession): number {
    return Math.min(
      session.lastSeenAt + this.limits.idleMs,
      session.createdAt + this.limits.lifetimeMs,
    );
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash(randomBytes(sessionSecretBytes).toString("base64url"));
    return this.decoyHash;
  }
}

export function hashSessionSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function csrfTokenFor(secret: string): string {
  return createHmac("sha256", secret).update("clearhub csrf token").digest("base64url");
}
