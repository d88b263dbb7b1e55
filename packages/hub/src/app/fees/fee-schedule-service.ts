import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import { feeMinor } from "../../domain/fees/fee-amount.ts";
import {
  applicableSchedule,
  type FeeSchedule,
  type FeeScheduleKey,
  type FeeScheduleProblem,
  type FeeTransactionType,
  feeScheduleProblem,
  type StoredFeeSchedule,
} from "../../domain/fees/fee-schedule.ts";
import { formatAmount } from "../../domain/money/amount.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import { operatorParticipantId } from "../participants/participant-service.ts";
import type { FeeScheduleStore } from "../ports/fee-schedule-store.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export type FeeScheduleRefusal =
  | FeeScheduleProblem
  | "currency_unknown"
  | "participant_not_found"
  | "fee_payer_is_operator"
  | "fee_schedule_not_found";

export type FeeScheduleOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: FeeScheduleRefusal };

/** How long a node prices with the schedules it read: a change reaches every node within it. */
export const feeSchedulesRefreshMsDefault = 1000;

const refused = <T>(code: FeeScheduleRefusal): FeeScheduleOutcome<T> => ({ ok: false, code });

/**
 * The operator's fee schedules, and the price of a transaction under them. Pricing reads the
 * schedules from memory, refreshed at most every `refreshMs`: a payment path that asked the
 * database for its price on every request would halve what the ledger can take. A change made
 * on this node applies at once; on another, within `refreshMs`.
 */
export class FeeScheduleService {
  private cached: { readonly schedules: StoredFeeSchedule[]; readonly readAt: number } | undefined;
  private reading: Promise<StoredFeeSchedule[]> | undefined;

  constructor(
    private readonly store: FeeScheduleStore,
    private readonly participants: Pick<ParticipantStore, "findParticipant">,
    private readonly clock: () => number = Date.now,
    private readonly refreshMs = feeSchedulesRefreshMsDefault,
  ) {}

  /** What `set` would refuse, without writing: a proposal is checked with it. */
  async check(schedule: FeeSchedule): Promise<FeeScheduleRefusal | undefined> {
    const problem = feeScheduleProblem(schedule);
    if (problem !== null) return problem;
    if (findCurrency(schedule.currency) === undefined) return "currency_unknown";
    if (schedule.participantId === null) return undefined;
    if (schedule.participantId === operatorParticipantId) return "fee_payer_is_operator";
    const payer = await this.participants.findParticipant(schedule.participantId);
    return payer === undefined ? "participant_not_found" : undefined;
  }

  /** Sets the schedule for its key, replacing any: refused whole, writing nothing, if invalid. */
  async set(
    schedule: FeeSchedule,
    actor: AuditActor,
  ): Promise<FeeScheduleOutcome<StoredFeeSchedule>> {
    const refusal = await this.check(schedule);
    if (refusal !== undefined) return refused(refusal);
    const at = this.clock();
    const updatedBy = actor.operator?.name ?? actor.name;
    const stored: StoredFeeSchedule = { ...schedule, updatedAt: at, updatedBy };
    await this.store.put(stored, this.record(actor, "fee_schedule.set", schedule, at));
    this.cached = undefined;
    return { ok: true, value: stored };
  }

  /** Removes the schedule with the key; answers it as it was. */
  async remove(
    key: FeeScheduleKey,
    actor: AuditActor,
  ): Promise<FeeScheduleOutcome<StoredFeeSchedule>> {
    const found = await this.find(key);
    if (!found.ok) return found;
    const at = this.clock();
    const removed = await this.store.remove(
      key,
      this.record(actor, "fee_schedule.remove", key, at),
    );
    this.cached = undefined;
    return removed ? found : refused("fee_schedule_not_found");
  }

  async find(key: FeeScheduleKey): Promise<FeeScheduleOutcome<StoredFeeSchedule>> {
    const schedule = (await this.store.list()).find(
      (candidate) =>
        candidate.transactionType === key.transactionType &&
        candidate.participantId === key.participantId &&
        candidate.currency === key.currency,
    );
    return schedule === undefined
      ? refused("fee_schedule_not_found")
      : { ok: true, value: schedule };
  }

  list(): Promise<StoredFeeSchedule[]> {
    return this.store.list();
  }

  /**
   * The fee the payer owes on a transaction of `amountMinor`, in minor units of its currency:
   * zero when no schedule applies (or the one that does prices it at nothing).
   */
  async feeFor(
    transactionType: FeeTransactionType,
    payerId: string,
    currency: string,
    amountMinor: bigint,
  ): Promise<bigint> {
    const schedules = await this.schedules();
    const schedule = applicableSchedule(schedules, transactionType, payerId, currency);
    return schedule === undefined || amountMinor <= 0n ? 0n : feeMinor(schedule, amountMinor);
  }

  /** The schedules in memory, read again once `refreshMs` old; callers share one read. */
  private async schedules(): Promise<StoredFeeSchedule[]> {
    const now = this.clock();
    if (this.cached !== undefined && now - this.cached.readAt < this.refreshMs) {
      return this.cached.schedules;
    }
    if (this.reading === undefined) {
      this.reading = this.store
        .list()
        .then((schedules) => {
          this.cached = { schedules, readAt: now };
          return schedules;
        })
        .finally(() => {
          this.reading = undefined;
        });
    }
    return this.reading;
  }

  private record(
    actor: AuditActor,
    action: AuditAction,
    key: FeeScheduleKey,
    at: number,
  ): AuditRecord {
    return { at, actor, action, subject: feeScheduleSubject(key), details: auditDetails(key) };
  }
}

/** How the audit log names a schedule: `fee_schedule:transfer/wallet-alpha/CNY` (`*` for all). */
export function feeScheduleSubject(key: FeeScheduleKey): string {
  return `fee_schedule:${key.transactionType}/${key.participantId ?? "*"}/${key.currency}`;
}

function auditDetails(key: FeeScheduleKey | FeeSchedule): AuditDetails {
  const base = {
    transactionType: key.transactionType,
    participantId: key.participantId,
    currency: key.currency,
  };
  if (!("fixedMinor" in key)) return base;
  const currency = findCurrency(key.currency);
  const shown = (minor: bigint) =>
    currency === undefined ? minor.toString() : formatAmount(minor, currency);
  return {
    ...base,
    fixed: shown(key.fixedMinor),
    basisPoints: key.basisPoints,
    minimum: shown(key.minimumMinor),
    maximum: key.maximumMinor === null ? null : shown(key.maximumMinor),
  };
}
