/**
 * What a biller declares it can take from the hub, and how the hub divides it among the kinds
 * of traffic. The declaration counts the hub as a whole: every hub node together never sends
 * more (the admission port enforces it with shared state).
 *
 * The two rates are separate budgets, because a billing system answers inquiries and takes
 * postings in different parts of itself: inquiries never eat into the posting rate by
 * construction. The calls in flight are one shared pool (the billing system's workers), so the
 * share reserved for postings is a share of that pool: inquiries may hold at most the slots
 * that are not reserved, postings may hold any slot. Postings using spare inquiry slots is safe
 * because the pool's total still holds, and an inquiry flood can never take the reserved ones.
 */
export interface BillerCapacity {
  /** Bill inquiries per second, `user` and `scheduled` together. 0: the biller takes none. */
  readonly inquiriesPerSecond: number;
  /** Payment postings per second. */
  readonly postingsPerSecond: number;
  /** Calls of any kind in flight at once, at least 1. */
  readonly concurrentCallsMax: number;
  /** Percent (0-100) of the calls in flight held for postings, which inquiries can never use. */
  readonly postingReservedPercent: number;
}

/** The hub's own policy for machine-made (`scheduled`) inquiries, the same for every biller. */
export interface ScheduledPolicy {
  /**
   * The most of a biller's inquiry rate scheduled inquiries may ever take, even when the biller
   * is idle: a burst of people arriving later in the same second still finds room.
   */
  readonly sharePercentMax: number;
}

export const scheduledPolicyDefaults: ScheduledPolicy = { sharePercentMax: 50 };

/** Capacity is counted in windows of one second, aligned on the clock of the shared state. */
export const capacityWindowMs = 1_000;

/** The declaration divided into the budgets the admission rule checks, per window and in flight. */
export interface CapacitySplit {
  readonly postingsPerWindow: number;
  readonly inquiriesPerWindow: number;
  /** Scheduled inquiries' ceiling within the inquiry budget. */
  readonly scheduledPerWindowMax: number;
  readonly slotsMax: number;
  /** Slots only postings may hold. */
  readonly postingSlotsReserved: number;
  /** `slotsMax - postingSlotsReserved`: the most inquiries may hold. */
  readonly inquirySlotsMax: number;
  /** Half the inquiry slots: scheduled inquiries never hold so many that people wait for a slot. */
  readonly scheduledSlotsMax: number;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Why a declaration is unusable, or null. Rates are whole calls per second. */
export function capacityProblem(capacity: BillerCapacity): string | null {
  if (!isCount(capacity.inquiriesPerSecond)) return "inquiriesPerSecond must be a whole number ≥ 0";
  if (!isCount(capacity.postingsPerSecond)) return "postingsPerSecond must be a whole number ≥ 0";
  if (!isCount(capacity.concurrentCallsMax) || capacity.concurrentCallsMax < 1) {
    return "concurrentCallsMax must be a whole number ≥ 1";
  }
  const percent = capacity.postingReservedPercent;
  if (!isCount(percent) || percent > 100) {
    return "postingReservedPercent must be a whole number from 0 to 100";
  }
  return null;
}

/**
 * The reserved slots are rounded up, so a small share of a small pool still reserves one; but
 * below 100 % inquiries keep at least one slot (a biller taking one call at a time cannot
 * reserve part of it: its postings then rely on their own rate and on being first in line).
 */
function postingSlotsReserved(slotsMax: number, percent: number): number {
  if (percent === 0) return 0;
  if (percent === 100) return slotsMax;
  return Math.min(slotsMax - 1, Math.ceil((slotsMax * percent) / 100));
}

export function splitCapacity(
  capacity: BillerCapacity,
  scheduled: ScheduledPolicy = scheduledPolicyDefaults,
): CapacitySplit {
  const problem = capacityProblem(capacity);
  if (problem !== null) throw new Error(`unusable biller capacity: ${problem}`);
  const reserved = postingSlotsReserved(
    capacity.concurrentCallsMax,
    capacity.postingReservedPercent,
  );
  const inquirySlotsMax = capacity.concurrentCallsMax - reserved;
  return {
    postingsPerWindow: capacity.postingsPerSecond,
    inquiriesPerWindow: capacity.inquiriesPerSecond,
    scheduledPerWindowMax: Math.floor(
      (capacity.inquiriesPerSecond * scheduled.sharePercentMax) / 100,
    ),
    slotsMax: capacity.concurrentCallsMax,
    postingSlotsReserved: reserved,
    inquirySlotsMax,
    scheduledSlotsMax: Math.floor(inquirySlotsMax / 2),
  };
}
