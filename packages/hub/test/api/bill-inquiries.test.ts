/**
 * `POST /v1/bill-inquiries` against a biller simulator over real HTTP, signed both ways: bills
 * presented under references only their channel can use; every bad input a stable code with
 * nothing written; `scheduled` inquiries served from a fresh cached copy or shed with 429 and
 * Retry-After past the biller's spare capacity; and the biller's own count proving a flood of
 * scheduled inquiries never took it past the rate it declared.
 */
import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import { type BillerSimulator, startBillerSimulator } from "@clearhub/simulators";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waterProfile } from "../support/biller-profiles.ts";
import { expectProblem, openApiHarness, tokenWithRole } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

/** Luhn-valid account numbers, as the water profile's parameter demands. */
const liWei = { account_number: "79927398713" };
const nobody = { account_number: "12345674" };
const declaredPerSecond = 4;
const profile = {
  ...waterProfile,
  currencies: ["EUR"],
  presentmentCacheTtlSeconds: 60,
  capacity: {
    inquiriesPerSecond: declaredPerSecond,
    concurrentCallsMax: 4,
    postingsPerSecond: 2,
    postingReserveBasisPoints: 2500,
  },
};

let now = Date.UTC(2026, 11, 1, 8, 0, 0);
let api: Awaited<ReturnType<typeof openApiHarness>>;
let biller: BillerSimulator;
let channel: ParticipantClient;
let otherChannel: ParticipantClient;

interface InquiryBody {
  billerId: string;
  customerName?: string;
  source: string;
  fetchedAt: string;
  bills: { billRef: string; expiresAt: string; amountDue: string; billNumber: string }[];
}

/** What was written since `before`, but the signatures' nonces every signed request leaves. */
async function writtenSince(before: Awaited<ReturnType<typeof snapshotStore>>) {
  const { seen_nonces: _nonces, ...changes } = storeChanges(
    before,
    await snapshotStore(api.hub.database),
  );
  return changes;
}

const inquire = (body: unknown, client: ParticipantClient = channel) =>
  client.call("POST", "/v1/bill-inquiries", body);

beforeAll(async () => {
  api = await openApiHarness("sqlite", {}, { billerClock: () => now });
  const hubUrl = await api.app.listen({ host: "127.0.0.1", port: 0 });
  channel = await onboardParticipant(api, "wallet-alpha", "payment_institution");
  otherChannel = await onboardParticipant(api, "wallet-beta", "payment_institution");
  const water = await onboardParticipant(api, "water-co", "biller");
  await onboardParticipant(api, "bank-a", "bank");
  expect((await api.call("PUT", "/operator/v1/billers/water-co", profile)).statusCode).toBe(201);
  const keys = generateSigningKeyPair();
  const added = await api.call("POST", "/operator/v1/participants/water-co/keys", {
    publicKey: exportPublicKeyRaw(keys.publicKey),
  });
  biller = await startBillerSimulator({
    billerId: water.id,
    hubUrl,
    signingKey: { keyId: (added.json() as { keyId: string }).keyId, privateKey: keys.privateKey },
    parameterNames: ["account_number"],
    capacity: { declaredPerSecond, failingPerSecond: 100, slowdownPerExcessMs: 0 },
    customers: [
      {
        parameters: liWei,
        name: "L* Wei",
        currency: "EUR",
        bills: [
          { billNumber: "W-11", amountDue: "86.40", dueDate: "2026-12-20" },
          { billNumber: "W-12", amountDue: "12.05", amountMax: "100.00", dueDate: "2027-01-20" },
        ],
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
});

beforeEach(() => {
  // Each test in a capacity window, quota period and cache lifetime of its own.
  now += 3_600_000;
  biller.resetLoad();
});

describe("a user's bill inquiry", () => {
  it("presents the biller's bills under references only the asking channel can use", async () => {
    const response = await inquire({
      billerId: "water-co",
      customerParameters: liWei,
      initiation: "user",
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as InquiryBody;
    expect(body).toMatchObject({
      billerId: "water-co",
      customerName: "L*** Wei",
      source: "biller",
      fetchedAt: new Date(now).toISOString(),
      bills: [
        { billNumber: "W-11", amountDue: "86.40", currency: "EUR", dueDate: "2026-12-20" },
        { billNumber: "W-12", amountDue: "12.05", amountMax: "100.00" },
      ],
    });
    const [first] = body.bills;
    expect(first?.expiresAt).toBe(new Date(now + 30 * 60_000).toISOString());
    const kept = await api.hub.billPresentments.find("wallet-alpha", first?.billRef ?? "");
    expect(kept).toMatchObject({
      billerId: "water-co",
      customerParameters: liWei,
      bill: { billNumber: "W-11", amountDueMinor: 86_40n },
    });
    expect(await api.hub.billPresentments.find("wallet-beta", first?.billRef ?? "")).toBe(
      undefined,
    );
    expect(biller.load().startedTotal).toBe(1);
  });

  it("answers every bad input with its stable code and writes nothing", async () => {
    const before = await snapshotStore(api.hub.database);
    const valid = { billerId: "water-co", customerParameters: liWei, initiation: "user" };
    expectProblem(await inquire({ ...valid, billerId: "no-such" }), 404, "biller_not_found");
    expectProblem(await inquire({ ...valid, billerId: "bank-a" }), 404, "biller_not_found");
    const invalid = expectProblem(
      await inquire({
        ...valid,
        customerParameters: { account_number: "79927398710", extra: "1" },
      }),
      422,
      "customer_parameters_invalid",
    );
    expect(invalid.errors).toEqual([
      { pointer: "/customerParameters/account_number", code: "parameter_check_digit_invalid" },
      { pointer: "/customerParameters/extra", code: "parameter_unknown" },
    ]);
    const missing = expectProblem(
      await inquire({ ...valid, customerParameters: {} }),
      422,
      "customer_parameters_invalid",
    );
    expect(missing.errors).toEqual([
      { pointer: "/customerParameters/account_number", code: "parameter_missing" },
    ]);
    expectProblem(await inquire({ ...valid, initiation: "robot" }), 400, "request_invalid");
    expectProblem(
      await inquire({ ...valid, customerParameters: nobody }),
      404,
      "bill_customer_not_found",
    );
    expect(await writtenSince(before)).toEqual({});
  });

  it("refuses a suspended biller, and nothing reaches it", async () => {
    const suspend = (status: string) =>
      api.call("POST", "/operator/v1/participants/water-co/status", { status });
    expect((await suspend("suspended")).statusCode).toBe(200);
    try {
      expectProblem(
        await inquire({ billerId: "water-co", customerParameters: liWei, initiation: "user" }),
        422,
        "biller_inactive",
      );
      expect(biller.load().startedTotal).toBe(0);
    } finally {
      await suspend("active");
    }
  });
});

describe("scheduled inquiries", () => {
  it("are answered from a fresh cached copy, and go to the biller once it is stale", async () => {
    const user = await inquire({
      billerId: "water-co",
      customerParameters: liWei,
      initiation: "user",
    });
    expect(user.statusCode).toBe(200);
    const fetchedAt = (user.json() as InquiryBody).fetchedAt;
    now += 30_000;
    const cached = await inquire({
      billerId: "water-co",
      customerParameters: liWei,
      initiation: "scheduled",
    });
    expect(cached.statusCode).toBe(200);
    expect(cached.json()).toMatchObject({ source: "cache", fetchedAt });
    const refs = [user, cached].flatMap((r) =>
      (r.json() as InquiryBody).bills.map((b) => b.billRef),
    );
    expect(new Set(refs).size).toBe(4);
    expect(biller.load().startedTotal).toBe(1);
    now += 31_000;
    const stale = await inquire({
      billerId: "water-co",
      customerParameters: liWei,
      initiation: "scheduled",
    });
    expect(stale.json()).toMatchObject({
      source: "biller",
      fetchedAt: new Date(now).toISOString(),
    });
    expect(biller.load().startedTotal).toBe(2);
  });

  it("a user's inquiry is never served from the cache", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await inquire({
        billerId: "water-co",
        customerParameters: liWei,
        initiation: "user",
      });
      expect(response.json()).toMatchObject({ source: "biller" });
    }
    expect(biller.load().startedTotal).toBe(2);
  });

  it("a flood is shed with 429 and Retry-After, and the biller never sees more than it declared", async () => {
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inquire(
          { billerId: "water-co", customerParameters: nobody, initiation: "scheduled" },
          i % 2 === 0 ? channel : otherChannel,
        ),
      ),
    );
    const shed = flood.filter((response) => response.statusCode === 429);
    expect(shed.length).toBeGreaterThan(30);
    for (const response of shed) {
      const code = (response.json() as { code: string }).code;
      expect(["channel_quota_exceeded", "biller_capacity_exceeded"]).toContain(code);
      expect(Number(response.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    }
    const reached = flood.length - shed.length;
    expect(biller.load().startedTotal).toBe(reached);
    expect(biller.load().peakPerSecond).toBeLessThanOrEqual(declaredPerSecond);
    // A person still gets through: scheduled traffic took only the spare capacity.
    const user = await inquire(
      { billerId: "water-co", customerParameters: liWei, initiation: "user" },
      otherChannel,
    );
    expect(user.statusCode, user.body).toBe(200);

    // The operator sees it: per channel and biller, and the biller's capacity in use.
    const viewer = await tokenWithRole(api, "viewer");
    const view = await api.callAs(viewer, "GET", "/operator/v1/biller-protection");
    expect(view.statusCode, view.body).toBe(200);
    const { at, channels, billers } = view.json() as {
      at: string;
      channels: { channelId: string; trafficClass: string; shed: number; requests: number }[];
      billers: {
        billerId: string;
        declared: { inquiriesPerSecond: number };
        endpoints: { endpointId: string; primary: boolean; breaker: string }[];
      }[];
    };
    // Read by the gate's clock, so that two readings' counts make rates.
    expect(at).toBe(new Date(now).toISOString());
    const scheduledShed = channels
      .filter((row) => row.trafficClass === "scheduled_inquiry")
      .reduce((sum, row) => sum + row.shed, 0);
    expect(scheduledShed).toBeGreaterThanOrEqual(shed.length);
    expect(billers).toContainEqual(
      expect.objectContaining({
        billerId: "water-co",
        declared: expect.objectContaining({ inquiriesPerSecond: declaredPerSecond }),
        // Its breaker stayed closed: shed requests never reached it, so never counted against it.
        endpoints: [
          expect.objectContaining({ endpointId: "main", primary: true, breaker: "closed" }),
        ],
      }),
    );
    const metrics = await api.app.inject({ method: "GET", url: "/metrics" });
    expect(metrics.body).toMatch(/clearhub_biller_admission_shed_total\{[^}]*biller="water-co"/);
  });
});

describe("a biller that does not answer", () => {
  it("is biller_unavailable, and nothing is presented", async () => {
    const before = await snapshotStore(api.hub.database);
    biller.setFaults({ capacityMax: 1, latencyMs: 300 });
    try {
      // One in flight holds the biller's only slot: the other is refused busy.
      const [a, b] = await Promise.all([
        inquire({ billerId: "water-co", customerParameters: nobody, initiation: "user" }),
        inquire({ billerId: "water-co", customerParameters: nobody, initiation: "user" }),
      ]);
      const codes = [a, b].map((r) => (r.json() as { code: string }).code).sort();
      expect(codes).toEqual(["bill_customer_not_found", "biller_unavailable"]);
      const unavailable = [a, b].find((r) => r.statusCode === 503);
      expect(unavailable).toBeDefined();
      if (unavailable !== undefined) expectProblem(unavailable, 503, "biller_unavailable");
    } finally {
      biller.setFaults({ capacityMax: 100_000, latencyMs: 0 });
    }
    expect(await writtenSince(before)).toEqual({});
  });
});
