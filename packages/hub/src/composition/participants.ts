import type { Redis } from "ioredis";
import { RedisNonceCache } from "../adapters/redis/redis-nonce-cache.ts";
import type { Database } from "../adapters/store/database.ts";
import { KyselyFeeScheduleStore } from "../adapters/store/kysely-fee-schedule-store.ts";
import { KyselyParticipantKeyStore } from "../adapters/store/kysely-participant-key-store.ts";
import { KyselyParticipantStore } from "../adapters/store/kysely-participant-store.ts";
import { KyselyParticipantTransferStore } from "../adapters/store/kysely-participant-transfer-store.ts";
import { StoreNonceCache } from "../adapters/store/store-nonce-cache.ts";
import { FeePostings } from "../app/fees/fee-postings.ts";
import { FeeScheduleService } from "../app/fees/fee-schedule-service.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import { FundsService } from "../app/participants/funds-service.ts";
import { ParticipantKeyService } from "../app/participants/participant-key-service.ts";
import { ParticipantService } from "../app/participants/participant-service.ts";
import { SignerCache, signerCacheDefaults } from "../app/participants/signer-cache.ts";
import type { AuditLogStore } from "../app/ports/audit-log-store.ts";
import type { FieldSealer } from "../app/ports/field-sealer.ts";
import type { NonceCache } from "../app/ports/nonce-cache.ts";
import type { ParticipantKeyStore } from "../app/ports/participant-key-store.ts";
import { ParticipantTransferService } from "../app/transfers/participant-transfer-service.ts";
import { ExpiryPurge, expiryPurgeDefaults } from "../jobs/expiry-purge.ts";
import type { HubConfig, OnJobError } from "./hub-config.ts";

export interface ParticipantParts {
  readonly participants: ParticipantService;
  /** Settlement funds' deposits and withdrawals, and the caps that follow the reserve. */
  readonly funds: FundsService;
  readonly participantStore: KyselyParticipantStore;
  /** Transfers between participants, as the participant API offers them. */
  readonly participantTransfers: ParticipantTransferService;
  readonly participantKeys: ParticipantKeyService;
  /** The registry of participants' keys. */
  readonly participantKeyStore: ParticipantKeyStore;
  /** Where the request-signature verifier looks keys up: the registry, read at most once a second per key. */
  readonly signers: SignerCache;
  /** Shared by every hub node: the store's table, or Redis when `redisUrl` is set. */
  readonly nonces: NonceCache;
  /** The operator's fee schedules. */
  readonly feeSchedules: FeeScheduleService;
  /** The fee transfers that go with participants' transactions. */
  readonly feePostings: FeePostings;
}

export interface ParticipantDependencies {
  readonly database: Database;
  readonly redis: Redis | undefined;
  readonly ledger: GroupCommit;
  readonly auditLogStore: AuditLogStore;
  readonly fieldSealer: FieldSealer;
  readonly onJobError: OnJobError;
}

/**
 * Participants, their keys and transfers, and the signature nonces; the operator's own
 * participant is made on the first start. The nonce purge job exists only when the nonces
 * live in the store (Redis expires its own).
 */
export async function composeParticipants(
  config: HubConfig,
  deps: ParticipantDependencies,
): Promise<{ parts: ParticipantParts; noncePurge: ExpiryPurge | undefined }> {
  const { database, redis } = deps;
  const participantStore = new KyselyParticipantStore(database.kysely);
  const participantKeyStore = new KyselyParticipantKeyStore(database.kysely, database.dialect);
  const signers = new SignerCache(participantKeyStore, signerCacheDefaults);
  const forgetSigners = () => signers.forgetAll();
  const participants = new ParticipantService(participantStore, Date.now, forgetSigners);
  await participants.ensureOperator();
  const funds = new FundsService(participantStore, deps.ledger, deps.auditLogStore, (currency) =>
    participants.reconciliationAccount(currency),
  );
  const feeSchedules = new FeeScheduleService(
    new KyselyFeeScheduleStore(database.kysely),
    participantStore,
  );
  const feePostings = new FeePostings(feeSchedules, (currency, kind) =>
    participants.operatorAccountId(currency, kind),
  );
  const nonces: NonceCache =
    redis === undefined
      ? new StoreNonceCache(database.kysely)
      : new RedisNonceCache(redis, config.redisKeyPrefix);
  const noncePurge =
    redis === undefined
      ? new ExpiryPurge(nonces, {
          ...expiryPurgeDefaults,
          onError: (error) => deps.onJobError("nonce purge", error),
        })
      : undefined;
  const parts: ParticipantParts = {
    participants,
    funds,
    participantStore,
    participantTransfers: new ParticipantTransferService(
      participantStore,
      new KyselyParticipantTransferStore(database.kysely),
      deps.ledger,
      deps.fieldSealer,
      feePostings,
    ),
    participantKeys: new ParticipantKeyService(
      participantStore,
      participantKeyStore,
      Date.now,
      forgetSigners,
    ),
    participantKeyStore,
    signers,
    nonces,
    feeSchedules,
    feePostings,
  };
  return { parts, noncePurge };
}
