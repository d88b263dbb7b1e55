import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubMetrics } from "../../src/adapters/metrics/hub-metrics.ts";
import { RedisBillerAdmission } from "../../src/adapters/redis/redis-biller-admission.ts";
import { connectRedis } from "../../src/adapters/redis/redis-connection.ts";
import type { AdmissionRequest } from "../../src/app/billers/biller-admission-gate.ts";
import { assembleBillerAdmission } from "../../src/composition/biller-admission.ts";
import {
  deleteRedisKeys,
  describeWithRedis,
  redisTestKeyPrefix,
  redisTestUrl,
} from "../support/redis.ts";

const request: AdmissionRequest = {
  billerId: "water-co",
  capacity: {
    inquiriesPerSecond: 50,
    postingsPerSecond: 1,
    concurrentCallsMax: 8,
    postingReservedPercent: 25,
  },
  channel: { channelId: "pi-a", weight: 1 },
  trafficClass: "posting",
  callTimeoutMs: 10_000,
};

/** Two postings against a rate of one: one admitted, one turned away by the channel's quota. */
async function admitTwo(metrics: HubMetrics, gate: ReturnType<typeof assembleBillerAdmission>) {
  expect((await gate.admit(request)).outcome).toBe("admitted");
  expect(await gate.admit(request)).toMatchObject({ outcome: "shed", reason: "channel_quota" });
  return (await metrics.render()).body;
}

function expectProtectionFigures(body: string): void {
  const labels = 'biller="water-co",channel="pi-a",class="posting"';
  expect(body).toContain(`clearhub_biller_admission_requests_total{${labels}} 2`);
  expect(body).toContain(`clearhub_biller_admission_admitted_total{${labels}} 1`);
  expect(body).toContain(
    `clearhub_biller_admission_shed_total{${labels},reason="channel_quota"} 1`,
  );
  expect(body).toContain(
    'clearhub_biller_capacity_declared{biller="water-co",resource="calls_in_flight"} 8',
  );
  expect(body).toContain(
    'clearhub_biller_capacity_used{biller="water-co",resource="calls_in_flight"} 1',
  );
  // The hub's own metrics are still there.
  expect(body).toContain("clearhub_http_requests_total");
}

describe("biller protection's metrics in memory", () => {
  it("counts requests, admissions and sheds per channel and biller, and the capacity in use", async () => {
    const metrics = new HubMetrics();
    const gate = assembleBillerAdmission(metrics);
    expectProtectionFigures(await admitTwo(metrics, gate));
  });
});

describeWithRedis("biller protection's metrics on Redis", () => {
  const prefix = redisTestKeyPrefix();
  let redis: Redis;

  beforeAll(async () => {
    redis = await connectRedis(redisTestUrl());
  });

  afterAll(async () => {
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
  });

  it("reads the capacity in use from Redis, where every node counts", async () => {
    const metrics = new HubMetrics();
    const gate = assembleBillerAdmission(metrics, { redis, keyPrefix: prefix });
    expectProtectionFigures(await admitTwo(metrics, gate));
    const other = new RedisBillerAdmission(redis, `${prefix}admission:`);
    expect((await other.usage("water-co")).callsInFlight.posting).toBe(1);
  });
});
