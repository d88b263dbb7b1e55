import { ScryptPasswordHasher } from "../adapters/crypto/scrypt-password-hasher.ts";
import { MemoryLoginThrottle } from "../adapters/limits/memory-login-throttle.ts";
import type { Database } from "../adapters/store/database.ts";
import { KyselyApprovalStore } from "../adapters/store/kysely-approval-store.ts";
import { KyselyAuditLogStore } from "../adapters/store/kysely-audit-log-store.ts";
import { KyselyOperatorStore } from "../adapters/store/kysely-operator-store.ts";
import { ApprovalService, approvalLimitsDefaults } from "../app/approvals/approval-service.ts";
import { AuditLogService } from "../app/audit/audit-log-service.ts";
import { OperatorAccountService } from "../app/operators/operator-account-service.ts";
import {
  OperatorSessionService,
  sessionLimitsDefaults,
} from "../app/operators/operator-session-service.ts";
import { OperatorTokenService } from "../app/operators/operator-token-service.ts";
import type { AuditLogStore } from "../app/ports/audit-log-store.ts";
import type { OperatorStore } from "../app/ports/operator-store.ts";
import type { HubConfig } from "./hub-config.ts";

export interface AuditParts {
  /** The hash-chained log of operator actions. */
  readonly auditLogStore: AuditLogStore;
  readonly auditLog: AuditLogService;
}

export function composeAudit(database: Database): AuditParts {
  const auditLogStore = new KyselyAuditLogStore(database.kysely);
  return { auditLogStore, auditLog: new AuditLogService(auditLogStore) };
}

export interface OperatorParts {
  /** Operator accounts, their tokens and console sessions. */
  readonly operatorStore: OperatorStore;
  readonly operatorAccounts: OperatorAccountService;
  /** Operator API tokens: issued, and found from the one a request presents. */
  readonly operatorTokens: OperatorTokenService;
  readonly operatorSessions: OperatorSessionService;
  /** Four-eyes approval of dangerous operator actions. */
  readonly approvals: ApprovalService;
}

/** Operator accounts, sessions and approvals, all judged by one clock. */
export function composeOperators(config: HubConfig, database: Database): OperatorParts {
  const clock = config.operatorClock ?? Date.now;
  const operatorStore = new KyselyOperatorStore(database.kysely, database.dialect);
  const hasher = new ScryptPasswordHasher(config.passwordHashing);
  const operatorAccounts = new OperatorAccountService(operatorStore, hasher, clock);
  return {
    operatorStore,
    operatorAccounts,
    // Tokens are dated by the wall clock, as they always were; sessions by the operator clock.
    operatorTokens: new OperatorTokenService(operatorStore, operatorAccounts),
    operatorSessions: new OperatorSessionService(
      operatorStore,
      hasher,
      new MemoryLoginThrottle(),
      clock,
      { ...sessionLimitsDefaults, ...config.sessionLimits },
    ),
    approvals: new ApprovalService(new KyselyApprovalStore(database.kysely), clock, {
      ...approvalLimitsDefaults,
      ...config.approvalLimits,
    }),
  };
}
