import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type {
  BillerAdmission,
  BillerUsage,
  CapacityClaim,
  CapacityLease,
  ClaimResult,
} from "../../app/ports/biller-admission.ts";
import {
  assertAdmissionIds,
  type CapacityRefusal,
  type TrafficClass,
  trafficClasses,
} from "../../domain/billers/admission-rule.ts";
import { capacityWindowMs } from "../../domain/billers/biller-capacity.ts";

export const redisAdmissionKeyPrefixDefault = "clearhub:admission:";

/**
 * Window tallies are read for two windows only; they are kept a minute so the operator's view
 * and a slow test never lose one, at a cost of a small hash per biller per second.
 */
const tallyTtlMs = 60_000;

/** Reads the time from Redis unless the caller passed one (tests, with an injected clock). */
const nowLua = `
local now
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
else
  now = tonumber(ARGV[1])
end
local windowMs = tonumber(ARGV[2])
local windowIndex = math.floor(now / windowMs)
local windowStart = windowIndex * windowMs
local base = KEYS[1]
local currentKey = base .. ':w:' .. windowIndex
local previousKey = base .. ':w:' .. (windowIndex - 1)
local leasesKey = base .. ':leases'
redis.call('ZREMRANGEBYSCORE', leasesKey, '-inf', now)
`;

/**
 * The admission rule of domain/billers/admission-rule.ts, transcribed: recordDemand,
 * activeWeights, owedToOthers, rateRefusal, slotRefusal, retryAfterMs, recordAdmission, in
 * that order. Keep the two in step; the differential test in the contract suite holds them to it.
 */
const claimLua = `${nowLua}
local postingsPerWindow = tonumber(ARGV[3])
local inquiriesPerWindow = tonumber(ARGV[4])
local scheduledPerWindowMax = tonumber(ARGV[5])
local slotsMax = tonumber(ARGV[6])
local inquirySlotsMax = tonumber(ARGV[7])
local scheduledSlotsMax = tonumber(ARGV[8])
local class = ARGV[9]
local channel = ARGV[10]
local weight = tonumber(ARGV[11])
local countDemand = ARGV[12] == '1'
local leaseId = ARGV[13]
local leaseMs = tonumber(ARGV[14])
local tallyTtlMs = tonumber(ARGV[15])
local op = 'inquiry'
if class == 'posting' then op = 'posting' end

local function load(key)
  local tally = {}
  local flat = redis.call('HGETALL', key)
  for i = 1, #flat, 2 do tally[flat[i]] = tonumber(flat[i + 1]) end
  return tally
end
local current = load(currentKey)
local previous = load(previousKey)
local function count(tally, field) return tally[field] or 0 end
local function bump(field)
  current[field] = count(current, field) + 1
  redis.call('HINCRBY', currentKey, field, 1)
end

if countDemand and class ~= 'scheduled_inquiry' then
  bump('d|' .. op .. '|' .. channel)
  current['w|' .. op .. '|' .. channel] = weight
  redis.call('HSET', currentKey, 'w|' .. op .. '|' .. channel, weight)
  if class == 'user_inquiry' then bump('ud') end
  redis.call('PEXPIRE', currentKey, tallyTtlMs)
end

local prefix = 'd|' .. op .. '|'
local weights = {}
local function collect(tally)
  for field, value in pairs(tally) do
    if string.sub(field, 1, #prefix) == prefix and value > 0 then
      local other = string.sub(field, #prefix + 1)
      if weights[other] == nil then
        weights[other] = current['w|' .. op .. '|' .. other] or previous['w|' .. op .. '|' .. other] or 1
      end
    end
  end
end
collect(current)
collect(previous)
if class ~= 'scheduled_inquiry' then weights[channel] = weight end
local weightTotal = 0
for _, w in pairs(weights) do weightTotal = weightTotal + w end

local budget = inquiriesPerWindow
if op == 'posting' then budget = postingsPerWindow end
local owed = 0
for other, w in pairs(weights) do
  if other ~= channel then
    local fairShare = math.floor(budget * w / weightTotal)
    local demandField = 'd|' .. op .. '|' .. other
    local wanted = math.max(count(previous, demandField), count(current, demandField))
    local unused = math.min(fairShare, wanted) - count(current, 'a|' .. op .. '|' .. other)
    if unused > 0 then owed = owed + unused end
  end
end

local admittedTotal = count(current, 'a|' .. op)
local refusal = nil
if admittedTotal + 1 + owed > budget then
  refusal = 'biller_capacity'
elseif class == 'scheduled_inquiry' then
  if count(current, 's') + 1 > scheduledPerWindowMax then
    refusal = 'no_spare_capacity'
  else
    local userPending = math.max(0, count(previous, 'ud') - count(current, 'ua'))
    if admittedTotal + 1 + math.max(owed, userPending) > budget then refusal = 'no_spare_capacity' end
  end
end

local live = redis.call('ZRANGE', leasesKey, 0, -1)
if refusal == nil then
  if #live >= slotsMax then
    refusal = 'concurrency'
  else
    local inquiries, scheduled, own = 0, 0, 0
    for _, member in ipairs(live) do
      local leaseClass, leaseChannel = string.match(member, '^([^|]*)|([^|]*)|')
      local leaseOp = 'inquiry'
      if leaseClass == 'posting' then leaseOp = 'posting' end
      if leaseOp == 'inquiry' then inquiries = inquiries + 1 end
      if leaseClass == 'scheduled_inquiry' then scheduled = scheduled + 1 end
      if leaseOp == op and leaseChannel == channel then own = own + 1 end
    end
    local slots = inquirySlotsMax
    if op == 'posting' then slots = slotsMax end
    local slotWeightTotal = weightTotal
    if weights[channel] == nil then slotWeightTotal = weightTotal + weight end
    local channelMax = math.max(1, math.ceil(slots * weight / slotWeightTotal))
    if op == 'inquiry' and inquiries >= inquirySlotsMax then
      refusal = 'concurrency'
    elseif class == 'scheduled_inquiry' and scheduled >= scheduledSlotsMax then
      refusal = 'concurrency'
    elseif own >= channelMax then
      refusal = 'concurrency'
    end
  end
end

if refusal ~= nil then
  local retry = math.max(1, windowStart + windowMs - now)
  if refusal == 'concurrency' and #live > 0 then
    local first = redis.call('ZRANGE', leasesKey, 0, 0, 'WITHSCORES')
    retry = math.max(1, math.min(windowMs, tonumber(first[2]) - now))
  end
  return {0, refusal, retry, now, windowStart}
end

bump('a|' .. op)
if class == 'scheduled_inquiry' then bump('s') else bump('a|' .. op .. '|' .. channel) end
if class == 'user_inquiry' then bump('ua') end
redis.call('PEXPIRE', currentKey, tallyTtlMs)
local member = class .. '|' .. channel .. '|' .. leaseId
local expiresAt = now + leaseMs
redis.call('ZADD', leasesKey, expiresAt, member)
-- Only ever lengthened: a short lease must not cut the life of a longer one taken before.
if redis.call('PTTL', leasesKey) < leaseMs + tallyTtlMs then
  redis.call('PEXPIRE', leasesKey, leaseMs + tallyTtlMs)
end
return {1, member, expiresAt, now, windowStart}
`;

const usageLua = `${nowLua}
local admitted = redis.call('HMGET', currentKey, 'a|posting', 'a|inquiry', 's')
return {now, windowStart, admitted, redis.call('ZRANGE', leasesKey, 0, -1)}
`;

type ClaimReply =
  | [1, string, number, number, number]
  | [0, CapacityRefusal, number, number, number];
type UsageReply = [number, number, (string | null)[], string[]];

interface AdmissionCommands {
  clearhubBillerClaim(key: string, ...args: (string | number)[]): Promise<ClaimReply>;
  clearhubBillerUsage(key: string, ...args: (string | number)[]): Promise<UsageReply>;
}

/**
 * The biller's capacity in Redis, shared by every hub node. A claim is one Lua script, so it
 * is atomic across nodes: no two nodes can both take the last call of a window or the last
 * slot. Per biller, under one hash tag (so the keys share a cluster slot):
 *
 * - `<prefix>biller:{id}:w:<window>`: a hash of the window's tally (admission-rule.ts names
 *   its fields), expiring a minute later;
 * - `<prefix>biller:{id}:leases`: a sorted set of the calls in flight, scored by lease expiry.
 *   Every claim first drops the expired ones, so a node that died mid-call frees its slots when
 *   their leases run out, with no heartbeat and no cleaner.
 *
 * Time is Redis' own (`TIME` inside the script) unless a clock is injected: windows and lease
 * expiries then follow one clock for every node, however far the nodes' clocks drift, and the
 * tests can still move time with an injected clock. (`TIME` before writes needs scripts
 * replicated by their effects, Redis' default since 5.0.) After a failover, windows and leases
 * follow the new primary's clock, shifted by however much the two clocks differ.
 */
export class RedisBillerAdmission implements BillerAdmission {
  private readonly commands: AdmissionCommands;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string = redisAdmissionKeyPrefixDefault,
    private readonly clock?: () => number,
  ) {
    // ioredis sends each script by its SHA and loads it again when Redis does not know it.
    redis.defineCommand("clearhubBillerClaim", { numberOfKeys: 1, lua: claimLua });
    redis.defineCommand("clearhubBillerUsage", { numberOfKeys: 1, lua: usageLua });
    this.commands = redis as unknown as AdmissionCommands;
  }

  async claim(claim: CapacityClaim): Promise<ClaimResult> {
    assertAdmissionIds(claim.billerId, claim.attempt.channelId);
    const { split, attempt } = claim;
    const reply = await this.commands.clearhubBillerClaim(
      this.baseKey(claim.billerId),
      this.nowArgument(),
      capacityWindowMs,
      split.postingsPerWindow,
      split.inquiriesPerWindow,
      split.scheduledPerWindowMax,
      split.slotsMax,
      split.inquirySlotsMax,
      split.scheduledSlotsMax,
      attempt.trafficClass,
      attempt.channelId,
      attempt.weight,
      attempt.countDemand ? "1" : "0",
      randomUUID(),
      Math.ceil(claim.leaseMs),
      tallyTtlMs,
    );
    const [, , , nowMs, windowStartMs] = reply;
    if (reply[0] === 1) {
      const lease = { billerId: claim.billerId, token: reply[1], expiresAtMs: reply[2] };
      return { admitted: true, lease, nowMs, windowStartMs };
    }
    return { admitted: false, refusal: reply[1], retryAfterMs: reply[2], nowMs, windowStartMs };
  }

  async release(lease: CapacityLease): Promise<void> {
    await this.redis.zrem(`${this.baseKey(lease.billerId)}:leases`, lease.token);
  }

  async usage(billerId: string): Promise<BillerUsage> {
    const [, windowStartMs, admitted, leases] = await this.commands.clearhubBillerUsage(
      this.baseKey(billerId),
      this.nowArgument(),
      capacityWindowMs,
    );
    const callsInFlight = Object.fromEntries(trafficClasses.map((c) => [c, 0])) as Record<
      TrafficClass,
      number
    >;
    for (const member of leases) {
      const trafficClass = member.slice(0, member.indexOf("|")) as TrafficClass;
      if (trafficClass in callsInFlight) callsInFlight[trafficClass]++;
    }
    return {
      windowStartMs,
      postingsAdmitted: Number(admitted[0] ?? 0),
      inquiriesAdmitted: Number(admitted[1] ?? 0),
      scheduledAdmitted: Number(admitted[2] ?? 0),
      callsInFlight,
    };
  }

  private baseKey(billerId: string): string {
    return `${this.keyPrefix}biller:{${billerId}}`;
  }

  private nowArgument(): string {
    return this.clock === undefined ? "" : String(Math.floor(this.clock()));
  }
}
