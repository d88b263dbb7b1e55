import { describe, expect, it } from "vitest";
import {
  type ChannelState,
  capabilitiesToLift,
  checkSuspension,
  checkTermination,
  honourWindowMaxMs,
  paymentPolicyFrom,
  type SuspensionRequest,
  suspensionReasonLengthMax,
} from "../../../src/domain/channels/channel-suspension.ts";

const nowMs = Date.UTC(2026, 0, 5);
const active: ChannelState = { status: "active", suspensions: [] };
const inquirySuspended: ChannelState = {
  status: "active",
  suspensions: [
    {
      capability: "bill_inquiry",
      reason: "scheduled inquiries flood billers",
      policy: { kind: "reject" },
      suspendedAtMs: nowMs - 1000,
    },
  ],
};
const honour = (deadlineMs: number): SuspensionRequest => ({
  capabilities: ["bill_payment"],
  reason: "contract ended",
  policy: { kind: "honour_presented", deadlineMs },
});

describe("checkSuspension", () => {
  it("accepts a suspension of capabilities not yet suspended", () => {
    const request = { capabilities: ["bill_payment"], reason: "r", policy: { kind: "reject" } };
    expect(checkSuspension(inquirySuspended, request as SuspensionRequest, nowMs)).toBeUndefined();
  });

  it("refuses each bad request with its own code, terminated first", () => {
    const reject = { kind: "reject" } as const;
    const cases: [ChannelState, SuspensionRequest, string][] = [
      [{ ...active, status: "terminated" }, honour(nowMs - 1), "channel_terminated"],
      [active, { capabilities: [], reason: "r", policy: reject }, "suspension_capabilities_empty"],
      [
        active,
        { capabilities: ["bill_inquiry"], reason: "  ", policy: reject },
        "suspension_reason_invalid",
      ],
      [
        active,
        {
          capabilities: ["bill_inquiry"],
          reason: "x".repeat(suspensionReasonLengthMax + 1),
          policy: reject,
        },
        "suspension_reason_invalid",
      ],
      [
        active,
        { capabilities: ["bill_inquiry"], reason: "a\u0000b", policy: reject },
        "suspension_reason_invalid",
      ],
      [
        active,
        { ...honour(nowMs + 1000), capabilities: ["bill_inquiry"] },
        "honour_policy_not_applicable",
      ],
      [active, honour(nowMs), "honour_deadline_past"],
      [active, honour(nowMs + honourWindowMaxMs + 1), "honour_deadline_too_far"],
      [
        inquirySuspended,
        { capabilities: ["bill_inquiry"], reason: "r", policy: reject },
        "capability_already_suspended",
      ],
    ];
    for (const [state, request, code] of cases) {
      expect(checkSuspension(state, request, nowMs), code).toBe(code);
    }
    expect(checkSuspension(active, honour(nowMs + honourWindowMaxMs), nowMs)).toBeUndefined();
  });
});

describe("capabilitiesToLift", () => {
  it("restores every suspended capability when none are named", () => {
    expect(capabilitiesToLift(inquirySuspended, undefined)).toEqual({
      ok: true,
      capabilities: ["bill_inquiry"],
    });
  });

  it("refuses to lift what is not suspended", () => {
    expect(capabilitiesToLift(active, undefined)).toEqual({
      ok: false,
      code: "channel_not_suspended",
    });
    expect(capabilitiesToLift(inquirySuspended, ["bill_payment"])).toEqual({
      ok: false,
      code: "capability_not_suspended",
    });
    expect(capabilitiesToLift(inquirySuspended, [])).toEqual({
      ok: false,
      code: "suspension_capabilities_empty",
    });
    expect(capabilitiesToLift({ ...inquirySuspended, status: "terminated" }, undefined)).toEqual({
      ok: false,
      code: "channel_terminated",
    });
  });
});

describe("checkTermination", () => {
  it("is final and needs a reason", () => {
    expect(checkTermination(active, "contract ended")).toBeUndefined();
    expect(checkTermination({ ...active, status: "terminated" }, "again")).toBe(
      "participant_terminated",
    );
    expect(checkTermination(active, "")).toBe("suspension_reason_invalid");
  });
});

describe("paymentPolicyFrom", () => {
  it("takes a deadline exactly when honouring", () => {
    expect(paymentPolicyFrom("reject", undefined)).toEqual({
      ok: true,
      policy: { kind: "reject" },
    });
    expect(paymentPolicyFrom("reject", 5)).toEqual({
      ok: false,
      code: "honour_deadline_unexpected",
    });
    expect(paymentPolicyFrom("honour_presented", undefined)).toEqual({
      ok: false,
      code: "honour_deadline_missing",
    });
    expect(paymentPolicyFrom("honour_presented", 5)).toEqual({
      ok: true,
      policy: { kind: "honour_presented", deadlineMs: 5 },
    });
  });
});
