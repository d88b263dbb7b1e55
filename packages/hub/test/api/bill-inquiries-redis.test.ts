/**
 * A hub with `redisUrl` keeps biller protection in Redis: a user's inquiry puts the biller's
 * answer in the presentment cache every node shares (under the hub's key prefix, no customer
 * number in it), and a scheduled inquiry is answered from it without asking the biller.
 */
import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import { type BillerSimulator, startBillerSimulator } from "@clearhub/simulators";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { waterProfile } from "../support/biller-profiles.ts";
import {
  deleteRedisKeys,
  describeWithRedis,
  redisTestKeyPrefix,
  redisTestUrl,
} from "../support/redis.ts";
import { openApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

const liWei = { account_number: "79927398713" };
const prefix = redisTestKeyPrefix();

describeWithRedis("bill inquiries on Redis", () => {
  let api: Awaited<ReturnType<typeof openApiHarness>>;
  let biller: BillerSimulator;
  let channel: ParticipantClient;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(redisTestUrl());
    api = await openApiHarness("sqlite", {}, { redisUrl: redisTestUrl(), redisKeyPrefix: prefix });
    const hubUrl = await api.app.listen({ host: "127.0.0.1", port: 0 });
    channel = await onboardParticipant(api, "wallet-alpha", "payment_institution");
    await onboardParticipant(api, "water-co", "biller");
    const put = await api.call("PUT", "/operator/v1/billers/water-co", {
      ...waterProfile,
      currencies: ["EUR"],
    });
    expect(put.statusCode, put.body).toBe(201);
    const keys = generateSigningKeyPair();
    const added = await api.call("POST", "/operator/v1/participants/water-co/keys", {
      publicKey: exportPublicKeyRaw(keys.publicKey),
    });
    biller = await startBillerSimulator({
      billerId: "water-co",
      hubUrl,
      signingKey: { keyId: (added.json() as { keyId: string }).keyId, privateKey: keys.privateKey },
      parameterNames: ["account_number"],
      customers: [
        {
          parameters: liWei,
          name: "Li Wei",
          currency: "EUR",
          bills: [{ billNumber: "W-11", amountDue: "86.40", dueDate: "2026-12-20" }],
        },
      ],
    });
    const endpoint = await api.call("POST", "/operator/v1/billers/water-co/endpoints", {
      id: "main",
      url: biller.url,
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
  });

  afterAll(async () => {
    await biller?.close();
    await api?.dispose();
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
  });

  it("serves a scheduled inquiry from the biller's answer kept in Redis", async () => {
    const ask = (initiation: string) =>
      channel.call("POST", "/v1/bill-inquiries", {
        billerId: "water-co",
        customerParameters: liWei,
        initiation,
      });
    expect((await ask("user")).json()).toMatchObject({ source: "biller" });
    const [cacheKey] = await redis.keys(`${prefix}presentment:*`);
    expect(cacheKey).toBeDefined();
    expect(await redis.get(cacheKey ?? "")).not.toContain("79927398713");
    expect((await ask("scheduled")).json()).toMatchObject({
      source: "cache",
      bills: [{ billNumber: "W-11", amountDue: "86.40" }],
    });
    expect(biller.load().startedTotal).toBe(1);
  });
});
