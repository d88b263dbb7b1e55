import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ChannelCapability,
  channelCapabilityNames,
} from "../../../src/domain/channels/channel-capability.ts";
import { channelMay } from "../../../src/domain/channels/channel-may.ts";
import type {
  CapabilitySuspension,
  ChannelState,
  PaymentPolicy,
} from "../../../src/domain/channels/channel-suspension.ts";
import { participantStatuses } from "../../../src/domain/participant/participant.ts";

const day = 24 * 60 * 60 * 1000;
const instants = fc.integer({ min: 0, max: 400 * day });
const capabilities = fc.constantFrom(...channelCapabilityNames);
const policies: fc.Arbitrary<PaymentPolicy> = fc.oneof(
  fc.constant<PaymentPolicy>({ kind: "reject" }),
  instants.map<PaymentPolicy>((deadlineMs) => ({ kind: "honour_presented", deadlineMs })),
);
const suspensionSets: fc.Arbitrary<CapabilitySuspension[]> = fc
  .subarray(channelCapabilityNames)
  .chain((chosen) =>
    fc.tuple(...chosen.map((capability) => suspensionOf(capability))).map((list) => [...list]),
  );
function suspensionOf(capability: ChannelCapability): fc.Arbitrary<CapabilitySuspension> {
  return fc.record({
    capability: fc.constant(capability),
    reason: fc.constant("flooding billers"),
    policy: policies,
    suspendedAtMs: instants,
  });
}
const states: fc.Arbitrary<ChannelState> = fc.record({
  status: fc.constantFrom(...participantStatuses),
  suspensions: suspensionSets,
});
const presentedAt = fc.option(instants, { nil: undefined });

function honouring(deadlineMs: number, suspendedAtMs = 10 * day): ChannelState {
  return {
    status: "active",
    suspensions: [
      {
        capability: "bill_payment",
        reason: "flooding billers",
        policy: { kind: "honour_presented", deadlineMs },
        suspendedAtMs,
      },
    ],
  };
}

describe("channelMay", () => {
  it("never allows a payment for a bill presented at or after its suspension", () => {
    fc.assert(
      fc.property(states, presentedAt, instants, (state, billPresentedAtMs, nowMs) => {
        const verdict = channelMay(state, { capability: "bill_payment", billPresentedAtMs }, nowMs);
        const suspension = state.suspensions.find((s) => s.capability === "bill_payment");
        if (suspension === undefined || !verdict.allowed) return;
        expect(billPresentedAtMs).toBeDefined();
        expect(billPresentedAtMs ?? Number.POSITIVE_INFINITY).toBeLessThan(
          suspension.suspendedAtMs,
        );
      }),
    );
  });

  it("allows nothing once the channel is terminated, whatever its suspensions", () => {
    fc.assert(
      fc.property(states, capabilities, presentedAt, instants, (state, capability, at, nowMs) => {
        const terminated = { ...state, status: "terminated" as const };
        expect(channelMay(terminated, { capability, billPresentedAtMs: at }, nowMs)).toEqual({
          allowed: false,
          code: "channel_terminated",
        });
      }),
    );
  });

  it("allows a suspended capability only under honour_presented, before the deadline", () => {
    fc.assert(
      fc.property(states, capabilities, presentedAt, instants, (state, capability, at, nowMs) => {
        const verdict = channelMay(state, { capability, billPresentedAtMs: at }, nowMs);
        const suspension = state.suspensions.find((s) => s.capability === capability);
        if (!verdict.allowed || suspension === undefined) return;
        expect(capability).toBe("bill_payment");
        expect(verdict.honoured).toBe(true);
        expect(suspension.policy.kind).toBe("honour_presented");
        if (suspension.policy.kind === "honour_presented") {
          expect(nowMs).toBeLessThan(suspension.policy.deadlineMs);
        }
      }),
    );
  });

  it("allows whatever is not suspended for an active channel, honouring nothing", () => {
    fc.assert(
      fc.property(states, capabilities, presentedAt, instants, (state, capability, at, nowMs) => {
        const active = { ...state, status: "active" as const };
        if (active.suspensions.some((s) => s.capability === capability)) return;
        expect(channelMay(active, { capability, billPresentedAtMs: at }, nowMs)).toEqual({
          allowed: true,
          honoured: false,
        });
      }),
    );
  });

  it("ends the honour window exactly at the deadline", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10 * day + 1, max: 40 * day }), (deadlineMs) => {
        const state = honouring(deadlineMs);
        const pay = { capability: "bill_payment" as const, billPresentedAtMs: 9 * day };
        expect(channelMay(state, pay, deadlineMs - 1)).toEqual({ allowed: true, honoured: true });
        expect(channelMay(state, pay, deadlineMs)).toEqual({
          allowed: false,
          code: "honour_deadline_passed",
          capability: "bill_payment",
          deadlineMs,
        });
      }),
    );
  });

  it("counts a bill presented at the instant of the suspension as presented after it", () => {
    const state = honouring(20 * day, 10 * day);
    const refused = { allowed: false, code: "channel_suspended", capability: "bill_payment" };
    expect(
      channelMay(state, { capability: "bill_payment", billPresentedAtMs: 10 * day }, 11 * day),
    ).toEqual(refused);
    expect(channelMay(state, { capability: "bill_payment" }, 11 * day)).toEqual(refused);
    expect(
      channelMay(state, { capability: "bill_payment", billPresentedAtMs: 10 * day - 1 }, 11 * day),
    ).toEqual({ allowed: true, honoured: true });
  });

  it("refuses new inquiries under honour_presented", () => {
    const state: ChannelState = {
      status: "active",
      suspensions: [
        ...honouring(20 * day).suspensions,
        {
          capability: "bill_inquiry",
          reason: "flooding billers",
          policy: { kind: "honour_presented", deadlineMs: 20 * day },
          suspendedAtMs: 10 * day,
        },
      ],
    };
    expect(
      channelMay(state, { capability: "bill_inquiry", billPresentedAtMs: 9 * day }, 11 * day),
    ).toEqual({ allowed: false, code: "channel_suspended", capability: "bill_inquiry" });
  });

  it("refuses a participant suspended as a whole as inactive", () => {
    expect(
      channelMay({ status: "suspended", suspensions: [] }, { capability: "bill_inquiry" }, 0),
    ).toEqual({ allowed: false, code: "participant_inactive" });
  });
});
