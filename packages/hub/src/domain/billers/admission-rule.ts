/**
 * The rule that admits one call to a biller or refuses it, given what the biller has already
 * received in the current one-second window and what it has in flight. Pure: the memory
 * adapter runs it as written, and the Redis adapter's Lua script is a line-by-line transcription
 * of it (a differential test feeds both the same random traffic and requires the same answers).
 *
 * For each call, in order:
 *
 * 1. **Rate, shared fairly.** The window's budget B (postings or inquiries) is divided among
 *    the channels active for that operation (those that asked in this window or the previous
 *    one) by weight: channel d's fair share is ⌊B·w_d/W⌋. What another channel is owed is the
 *    part of its fair share it has not used yet, but no more than it asked for (in this window
 *    or the last, whichever is more), so a quiet channel does not hold capacity it will not
 *    use. A call is admitted only if the window's total, plus one, plus everything owed to the
 *    other channels stays within B. So no channel can take what another is owed, and a channel
 *    alone gets the whole budget (the rule wastes nothing when others are quiet). Only postings
 *    and `user` inquiries make a channel active and are owed anything: machines' inquiries
 *    are never owed capacity, so a channel's scheduled flood cannot hold back anyone's people.
 * 2. **Scheduled only on spare capacity.** A `scheduled` inquiry also needs the scheduled
 *    ceiling not reached, and room left after the `user` inquiries of the previous window that
 *    this window has not served yet: people asking are expected to keep asking, and machines
 *    get only what people leave.
 * 3. **Calls in flight.** The pool's total; inquiries only outside the slots reserved for
 *    postings; scheduled inquiries at most half the inquiry slots; and each channel at most its
 *    weighted share of the slots its operation may use (rounded up, at least one), because a
 *    slot held by a slow call cannot be taken back, unlike a rate budget that renews each second.
 *
 * Guarantee (proved by the tests): in every window, each operation's admissions never exceed
 * its budget and calls in flight never exceed their limits; a channel whose demand in the
 * previous window was at least x is admitted at least min(x, its fair share, what it asks) in
 * the current window, whatever the other channels send, unless the calls in flight are what
 * runs out (shared by weight too, but a slot frees only when its call ends).
 */
import type { CapacitySplit } from "./biller-capacity.ts";

export type TrafficClass = "posting" | "user_inquiry" | "scheduled_inquiry";
export const trafficClasses: readonly TrafficClass[] = [
  "posting",
  "user_inquiry",
  "scheduled_inquiry",
];

export type BillerOperation = "posting" | "inquiry";

export function operationOf(trafficClass: TrafficClass): BillerOperation {
  return trafficClass === "posting" ? "posting" : "inquiry";
}

/**
 * Why a call was not admitted. `biller_capacity` and `no_spare_capacity` end with the window;
 * `concurrency` ends when a call in flight does.
 */
export type CapacityRefusal = "biller_capacity" | "no_spare_capacity" | "concurrency";

/** Weights are whole numbers so every node, and the Lua script, computes the same shares. */
export const channelWeightMax = 1_000;

export interface AdmissionAttempt {
  readonly channelId: string;
  /** 1..channelWeightMax. */
  readonly weight: number;
  readonly trafficClass: TrafficClass;
  /**
   * True on a request's first attempt in a window: its demand is counted once per window, not
   * once per retry from the queue.
   */
  readonly countDemand: boolean;
}

/**
 * One biller's counts in one window, by field name. The names are those of the Redis hash, so
 * the memory and Redis adapters hold the same thing.
 */
export type WindowTally = Map<string, number>;

export const tallyFields = {
  /** Calls asked for by a channel, per operation (scheduled inquiries not counted). */
  demand: (op: BillerOperation, channelId: string) => `d|${op}|${channelId}`,
  /** Calls admitted for a channel, per operation (scheduled inquiries not counted). */
  admitted: (op: BillerOperation, channelId: string) => `a|${op}|${channelId}`,
  /** The channel's weight when it last asked. */
  weight: (op: BillerOperation, channelId: string) => `w|${op}|${channelId}`,
  admittedTotal: (op: BillerOperation) => `a|${op}`,
  scheduledAdmitted: "s",
  userDemand: "ud",
  userAdmitted: "ua",
} as const;

/** A call in flight, as its lease names it. */
export interface LeaseTag {
  readonly trafficClass: TrafficClass;
  readonly channelId: string;
}

/** Ids end up inside Redis keys and lease names, where '|' and ':' separate the parts. */
export function isAdmissionId(id: string): boolean {
  return id.length > 0 && id.length <= 128 && !/[|:\s{}]/.test(id);
}

export function assertAdmissionIds(billerId: string, channelId: string): void {
  for (const id of [billerId, channelId]) {
    if (!isAdmissionId(id))
      throw new Error(`${JSON.stringify(id)} cannot name a biller or channel`);
  }
}

function count(tally: ReadonlyMap<string, number>, field: string): number {
  return tally.get(field) ?? 0;
}

function bump(tally: WindowTally, field: string): void {
  tally.set(field, count(tally, field) + 1);
}

/** Counts the attempt's demand in the current window (only on its first attempt there). */
export function recordDemand(current: WindowTally, attempt: AdmissionAttempt): void {
  if (!attempt.countDemand || attempt.trafficClass === "scheduled_inquiry") return;
  const op = operationOf(attempt.trafficClass);
  bump(current, tallyFields.demand(op, attempt.channelId));
  current.set(tallyFields.weight(op, attempt.channelId), attempt.weight);
  if (attempt.trafficClass === "user_inquiry") bump(current, tallyFields.userDemand);
}

/** Counts an admitted call in the current window. */
export function recordAdmission(current: WindowTally, attempt: AdmissionAttempt): void {
  const op = operationOf(attempt.trafficClass);
  bump(current, tallyFields.admittedTotal(op));
  if (attempt.trafficClass === "scheduled_inquiry") bump(current, tallyFields.scheduledAdmitted);
  else bump(current, tallyFields.admitted(op, attempt.channelId));
  if (attempt.trafficClass === "user_inquiry") bump(current, tallyFields.userAdmitted);
}

/**
 * Channels that asked for the operation in either window, with their latest weight, and the
 * attempt's own channel unless the attempt is a scheduled inquiry (which competes for nothing).
 */
export function activeWeights(
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
  op: BillerOperation,
  attempt: AdmissionAttempt,
): Map<string, number> {
  const prefix = `d|${op}|`;
  const weights = new Map<string, number>();
  for (const tally of [current, previous]) {
    for (const [field, value] of tally) {
      if (!field.startsWith(prefix) || value <= 0) continue;
      const channelId = field.slice(prefix.length);
      if (weights.has(channelId)) continue;
      const weightField = tallyFields.weight(op, channelId);
      weights.set(channelId, current.get(weightField) ?? previous.get(weightField) ?? 1);
    }
  }
  if (attempt.trafficClass !== "scheduled_inquiry") weights.set(attempt.channelId, attempt.weight);
  return weights;
}

/** Capacity the other active channels are owed in this window: fair share not yet used, capped by their demand. */
export function owedToOthers(
  budget: number,
  weights: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
  op: BillerOperation,
  channelId: string,
): number {
  let weightTotal = 0;
  for (const weight of weights.values()) weightTotal += weight;
  let owed = 0;
  for (const [other, weight] of weights) {
    if (other === channelId) continue;
    const fairShare = Math.floor((budget * weight) / weightTotal);
    const demandField = tallyFields.demand(op, other);
    const wanted = Math.max(count(previous, demandField), count(current, demandField));
    const unused = Math.min(fairShare, wanted) - count(current, tallyFields.admitted(op, other));
    if (unused > 0) owed += unused;
  }
  return owed;
}

function budgetOf(split: CapacitySplit, op: BillerOperation): number {
  return op === "posting" ? split.postingsPerWindow : split.inquiriesPerWindow;
}

/** Rules 1 and 2: the window's budgets. */
function rateRefusal(
  split: CapacitySplit,
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
  weights: ReadonlyMap<string, number>,
  attempt: AdmissionAttempt,
): CapacityRefusal | null {
  const op = operationOf(attempt.trafficClass);
  const budget = budgetOf(split, op);
  const admitted = count(current, tallyFields.admittedTotal(op));
  const owed = owedToOthers(budget, weights, current, previous, op, attempt.channelId);
  if (admitted + 1 + owed > budget) return "biller_capacity";
  if (attempt.trafficClass !== "scheduled_inquiry") return null;
  if (count(current, tallyFields.scheduledAdmitted) + 1 > split.scheduledPerWindowMax) {
    return "no_spare_capacity";
  }
  const userPending = Math.max(
    0,
    count(previous, tallyFields.userDemand) - count(current, tallyFields.userAdmitted),
  );
  return admitted + 1 + Math.max(owed, userPending) > budget ? "no_spare_capacity" : null;
}

/** Rule 3: the calls in flight (leases already expired are not in `live`). */
function slotRefusal(
  split: CapacitySplit,
  live: readonly LeaseTag[],
  weights: ReadonlyMap<string, number>,
  attempt: AdmissionAttempt,
): CapacityRefusal | null {
  if (live.length >= split.slotsMax) return "concurrency";
  const op = operationOf(attempt.trafficClass);
  let inquiries = 0;
  let scheduled = 0;
  let channelOwn = 0;
  for (const lease of live) {
    const leaseOp = operationOf(lease.trafficClass);
    if (leaseOp === "inquiry") inquiries++;
    if (lease.trafficClass === "scheduled_inquiry") scheduled++;
    if (leaseOp === op && lease.channelId === attempt.channelId) channelOwn++;
  }
  if (op === "inquiry" && inquiries >= split.inquirySlotsMax) return "concurrency";
  if (attempt.trafficClass === "scheduled_inquiry" && scheduled >= split.scheduledSlotsMax) {
    return "concurrency";
  }
  let weightTotal = weights.has(attempt.channelId) ? 0 : attempt.weight;
  for (const weight of weights.values()) weightTotal += weight;
  const slots = op === "posting" ? split.slotsMax : split.inquirySlotsMax;
  const channelMax = Math.max(1, Math.ceil((slots * attempt.weight) / weightTotal));
  return channelOwn >= channelMax ? "concurrency" : null;
}

/** Null to admit, or why not. Demand must already be recorded in `current`. */
export function judgeAdmission(
  split: CapacitySplit,
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
  live: readonly LeaseTag[],
  attempt: AdmissionAttempt,
): CapacityRefusal | null {
  const weights = activeWeights(current, previous, operationOf(attempt.trafficClass), attempt);
  return (
    rateRefusal(split, current, previous, weights, attempt) ??
    slotRefusal(split, live, weights, attempt)
  );
}

/** How long a refused caller should wait: the window's end, or for a slot at most one window. */
export function retryAfterMs(
  refusal: CapacityRefusal,
  nowMs: number,
  windowMs: number,
  earliestLeaseExpiryMs: number | null,
): number {
  const windowEndMs = (Math.floor(nowMs / windowMs) + 1) * windowMs;
  if (refusal !== "concurrency" || earliestLeaseExpiryMs === null) {
    return Math.max(1, windowEndMs - nowMs);
  }
  return Math.max(1, Math.min(windowMs, earliestLeaseExpiryMs - nowMs));
}
