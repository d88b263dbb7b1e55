import { barcodeLimitsSubject } from "../app/barcode-limits/barcode-limit-service.ts";
import { codePrefixSubject } from "../app/code-prefixes/code-prefix-table.ts";
import { feeScheduleSubject } from "../app/fees/fee-schedule-service.ts";
import type { ConfirmScope } from "../app/settlement/settlement-service.ts";
import type { AuditActor } from "../domain/audit/audit-actor.ts";
import type { AuditDetails } from "../domain/audit/audit-entry.ts";
import type { CodeInstrument } from "../domain/barcode/code-prefix.ts";
import type { BillerProfileInput } from "../domain/billers/biller-profile.ts";
import type { FeeScheduleKey } from "../domain/fees/fee-schedule.ts";
import { parseReserveCapFactor } from "../domain/ledger/reserve-cap.ts";
import { settleableRefusal } from "../domain/settlement/settlement-window.ts";
import { accountView } from "./account-view.ts";
import type { ApiServices } from "./api-services.ts";
import { barcodeLimitsView } from "./barcode-limit-view.ts";
import { billerProfileView } from "./biller-view.ts";
import { channelSuspensionView } from "./channel-suspension-view.ts";
import { codePrefixView } from "./code-prefix-view.ts";
import { feeScheduleView } from "./fee-schedule-view.ts";
import { readMoney } from "./money-codec.ts";
import { participantView } from "./participant-view.ts";
import type { ProblemCode } from "./problem.ts";
import { reserveCapView } from "./reserve-cap-view.ts";
import { type BarcodeLimitsPayload, readBarcodeLimits } from "./routes/barcode-limit-input.ts";
import { type FeeSchedulePayload, feeScheduleOfPayload } from "./routes/fee-schedule-input.ts";
import { confirmationAnswer } from "./settlement-confirmation-view.ts";

export type ActionResult = { ok: true; body: unknown } | { ok: false; code: ProblemCode };

/**
 * A dangerous action that runs only once a second operator approves it. The payload is what the
 * direct route was asked, as JSON (amounts as decimal strings), kept with the proposal.
 */
export interface ApprovalAction<Payload extends AuditDetails> {
  subject(payload: Payload): string;
  /** What the direct route would refuse at once: checked before a proposal is recorded. */
  check(hub: ApiServices, payload: Payload): Promise<ProblemCode | undefined>;
  /** Carries the action out exactly as the direct route does: its answer's body, or its problem. */
  run(hub: ApiServices, payload: Payload, actor: AuditActor): Promise<ActionResult>;
}

type Terminate = { readonly participantId: string };

const terminateParticipant: ApprovalAction<Terminate> = {
  subject: ({ participantId }) => `participant:${participantId}`,
  async check(hub, { participantId }) {
    const found = await hub.participants.find(participantId);
    if (!found.ok) return found.code;
    if (found.value.participant.kind === "operator") return "operator_status_fixed";
    if (found.value.participant.status === "terminated") return "participant_terminated";
    return undefined;
  },
  async run(hub, { participantId }, actor) {
    const changed = await hub.participants.changeStatus(participantId, "terminated", actor);
    return changed.ok ? { ok: true, body: participantView(changed.value) } : changed;
  },
};

type CapRaise = {
  readonly participantId: string;
  readonly currency: string;
  readonly netDebitCap: string;
};

const raiseNetDebitCap: ApprovalAction<CapRaise> = {
  subject: ({ participantId }) => `participant:${participantId}`,
  async check(hub, { participantId, currency }) {
    const current = await hub.participants.netDebitCap(participantId, currency);
    return current.ok ? undefined : current.code;
  },
  async run(hub, { participantId, currency, netDebitCap }, actor) {
    const money = readMoney(netDebitCap, currency, { allowZero: true });
    if (!money.ok) return money;
    const set = await hub.participants.setNetDebitCap(
      participantId,
      { currency: money.currency.code, netDebitCap: money.minor },
      actor,
    );
    return set.ok ? { ok: true, body: accountView(set.value) } : set;
  },
};

type ReserveCapSet = {
  readonly participantId: string;
  readonly currency: string;
  /** As the route was given it ("1.5"), for the approver to read. */
  readonly factor: string;
};

/** A rule can raise the cap at any later deposit, so setting one needs four eyes, as a raise does. */
const setReserveCap: ApprovalAction<ReserveCapSet> = {
  subject: ({ participantId }) => `participant:${participantId}`,
  async check(hub, { participantId, currency, factor }) {
    const parsed = parseReserveCapFactor(factor);
    if (!parsed.ok) return parsed.code;
    const checked = await hub.funds.checkReserveCap(participantId, currency, parsed.factorBps);
    return checked.ok ? undefined : checked.code;
  },
  async run(hub, { participantId, currency, factor }, actor) {
    const parsed = parseReserveCapFactor(factor);
    if (!parsed.ok) return parsed;
    const set = await hub.funds.setReserveCap(participantId, currency, parsed.factorBps, actor);
    if (!set.ok) return set;
    return { ok: true, body: reserveCapView(participantId, currency, set.value) };
  },
};

type PrimarySwitch = { readonly bankId: string; readonly endpointId: string };

const switchPrimaryEndpoint: ApprovalAction<PrimarySwitch> = {
  subject: ({ bankId }) => `bank:${bankId}`,
  async check(hub, { bankId, endpointId }) {
    const listed = await hub.bankEndpoints.list(bankId);
    if (!listed.ok) return listed.code;
    const endpoint = listed.value.endpoints.find((candidate) => candidate.id === endpointId);
    if (endpoint === undefined) return "bank_endpoint_not_found";
    if (endpoint.retiredAt !== null) return "bank_endpoint_retired";
    return endpoint.enabled ? undefined : "bank_endpoint_disabled";
  },
  async run(hub, { bankId, endpointId }, actor) {
    const set = await hub.bankEndpoints.setPrimary(bankId, endpointId, actor);
    if (!set.ok) return set;
    return {
      ok: true,
      body: { primaryEndpointId: endpointId, previousPrimaryEndpointId: set.value.previous },
    };
  },
};

type CapacityRaise = { readonly participantId: string; readonly profile: AuditDetails };

/** The profile as the PUT route took it: its body, kept as JSON with the proposal. */
function proposedProfile(payload: CapacityRaise): BillerProfileInput {
  return payload.profile as unknown as BillerProfileInput;
}

const raiseBillerCapacity: ApprovalAction<CapacityRaise> = {
  subject: ({ participantId }) => `biller:${participantId}`,
  check(hub, payload) {
    return hub.billers.check(payload.participantId, proposedProfile(payload));
  },
  async run(hub, payload, actor) {
    const set = await hub.billers.set(payload.participantId, proposedProfile(payload), actor, {
      capacityRaiseApproved: true,
    });
    if (set.ok) return { ok: true, body: billerProfileView(set.value.entry) };
    // Approved, a raise is allowed: it is never held again.
    if (set.code === "biller_capacity_raise_needs_approval") throw new Error("raise held again");
    return { ok: false, code: set.code };
  },
};

type ChannelTermination = { readonly participantId: string; readonly reason: string };

const terminateChannel: ApprovalAction<ChannelTermination> = {
  subject: ({ participantId }) => `participant:${participantId}`,
  check: (hub, { participantId, reason }) =>
    hub.channelSuspensions.checkTermination(participantId, reason),
  async run(hub, { participantId, reason }, actor) {
    const terminated = await hub.channelSuspensions.terminate(participantId, reason, actor);
    if (!terminated.ok) return terminated;
    const view = await hub.channelSuspensions.view(participantId);
    return view.ok ? { ok: true, body: channelSuspensionView(view.value) } : view;
  },
};

type SettlementConfirmation = {
  readonly windowId: string;
  readonly scope: "all" | "all_covered" | "participants";
  readonly participantIds: readonly string[];
};

function confirmScope(payload: SettlementConfirmation): ConfirmScope {
  return payload.scope === "participants"
    ? { kind: "participants", participantIds: payload.participantIds }
    : { kind: payload.scope };
}

const confirmSettlement: ApprovalAction<SettlementConfirmation> = {
  subject: ({ windowId }) => `settlement_window:${windowId}`,
  async check(hub, payload) {
    const report = await hub.settlement.report(payload.windowId);
    if (report === undefined) return "window_not_found";
    const refusal = settleableRefusal(report.window);
    if (refusal !== null) return refusal;
    const settling = new Set(report.instructions.map((i) => i.participantId));
    const unknown = payload.participantIds.some((id) => !settling.has(id));
    return unknown ? "participant_not_in_window" : undefined;
  },
  async run(hub, payload, actor) {
    const outcome = await hub.settlement.confirm(payload.windowId, confirmScope(payload), actor);
    const answer = confirmationAnswer(outcome);
    return answer.ok ? { ok: true, body: answer.body } : { ok: false, code: answer.code };
  },
};

/**
 * A fee schedule set or removed: either changes what payers are charged (removing a payer's
 * own schedule hands it to the network default, which may cost more), so both take four eyes.
 */
const setFeeSchedule: ApprovalAction<FeeSchedulePayload> = {
  subject: (payload) => feeScheduleSubject(payload),
  async check(hub, payload) {
    const schedule = feeScheduleOfPayload(payload);
    return schedule.ok ? hub.feeSchedules.check(schedule.value) : schedule.code;
  },
  async run(hub, payload, actor) {
    const schedule = feeScheduleOfPayload(payload);
    if (!schedule.ok) return schedule;
    const set = await hub.feeSchedules.set(schedule.value, actor);
    return set.ok ? { ok: true, body: feeScheduleView(set.value) } : set;
  },
};

type FeeScheduleRemoval = FeeScheduleKey & AuditDetails;

const removeFeeSchedule: ApprovalAction<FeeScheduleRemoval> = {
  subject: (key) => feeScheduleSubject(key),
  async check(hub, key) {
    const found = await hub.feeSchedules.find(key);
    return found.ok ? undefined : found.code;
  },
  async run(hub, key, actor) {
    const removed = await hub.feeSchedules.remove(key, actor);
    return removed.ok ? { ok: true, body: feeScheduleView(removed.value) } : removed;
  },
};

/** A currency's barcode limits: a raise lets more of each customer's money through a day. */
const setBarcodeLimits: ApprovalAction<BarcodeLimitsPayload> = {
  subject: ({ currency }) => barcodeLimitsSubject(currency),
  async check(hub, payload) {
    const read = readBarcodeLimits(payload);
    return read.ok ? hub.barcodeLimits.check(read.value.currency, read.value.limits) : read.code;
  },
  async run(hub, payload, actor) {
    const read = readBarcodeLimits(payload);
    if (!read.ok) return read;
    const set = await hub.barcodeLimits.set(read.value.currency, read.value.limits, actor);
    return set.ok ? { ok: true, body: barcodeLimitsView(read.value.currency, set.value) } : set;
  },
};

type CodePrefixAssign = {
  readonly prefix: string;
  readonly issuerId: string;
  readonly instrument: CodeInstrument;
};

/** A wrong route sends payments to an institution that never authorised them: four eyes. */
const assignCodePrefix: ApprovalAction<CodePrefixAssign> = {
  subject: ({ prefix }) => codePrefixSubject(prefix),
  async check(hub, payload) {
    const checked = await hub.codePrefixes.check(payload);
    return checked.ok ? undefined : checked.code;
  },
  async run(hub, payload, actor) {
    const assigned = await hub.codePrefixes.assign(payload, actor);
    return assigned.ok ? { ok: true, body: codePrefixView(assigned.value) } : assigned;
  },
};

type CodePrefixRemoval = { readonly prefix: string };

/** Removing a route stops an issuer's codes being paid: four eyes, as assigning one. */
const removeCodePrefix: ApprovalAction<CodePrefixRemoval> = {
  subject: ({ prefix }) => codePrefixSubject(prefix),
  async check(hub, { prefix }) {
    const found = await hub.codePrefixes.find(prefix);
    return found.ok ? undefined : found.code;
  },
  async run(hub, { prefix }, actor) {
    const removed = await hub.codePrefixes.remove(prefix, actor);
    return removed.ok ? { ok: true, body: codePrefixView(removed.value) } : removed;
  },
};

/** Each action that needs four eyes, with its payload. */
interface ApprovalPayloads {
  "participant.terminate": Terminate;
  "participant.net_debit_cap_raise": CapRaise;
  "participant.reserve_cap_set": ReserveCapSet;
  "bank.primary_endpoint_set": PrimarySwitch;
  "biller.capacity_raise": CapacityRaise;
  "channel.terminate": ChannelTermination;
  "settlement.confirm": SettlementConfirmation;
  "fee_schedule.set": FeeSchedulePayload;
  "fee_schedule.remove": FeeScheduleRemoval;
  "barcode_limits.set": BarcodeLimitsPayload;
  "code_prefix.assign": CodePrefixAssign;
  "code_prefix.remove": CodePrefixRemoval;
}

export type ApprovalActionName = keyof ApprovalPayloads;
export type ApprovalPayload<Name extends ApprovalActionName> = ApprovalPayloads[Name];

/**
 * Every action that needs four eyes. Adding one is its definition, a line here and above, and a
 * `proposeAction` call in its route.
 */
export const approvalActions: {
  readonly [Name in ApprovalActionName]: ApprovalAction<ApprovalPayloads[Name]>;
} = {
  "participant.terminate": terminateParticipant,
  "participant.net_debit_cap_raise": raiseNetDebitCap,
  "participant.reserve_cap_set": setReserveCap,
  "bank.primary_endpoint_set": switchPrimaryEndpoint,
  "biller.capacity_raise": raiseBillerCapacity,
  "channel.terminate": terminateChannel,
  "settlement.confirm": confirmSettlement,
  "fee_schedule.set": setFeeSchedule,
  "fee_schedule.remove": removeFeeSchedule,
  "barcode_limits.set": setBarcodeLimits,
  "code_prefix.assign": assignCodePrefix,
  "code_prefix.remove": removeCodePrefix,
};

export function isApprovalActionName(name: string): name is ApprovalActionName {
  return Object.hasOwn(approvalActions, name);
}

/** Every problem an approved action can answer, for the approve route's documentation. */
export const approvalActionProblems: readonly ProblemCode[] = [
  "participant_not_found",
  "participant_terminated",
  "operator_status_fixed",
  "status_unchanged",
  "status_changed_concurrently",
  "currency_not_held",
  "currency_unknown",
  "reserve_cap_factor_invalid",
  "net_debit_cap_follows_reserve",
  "participant_not_bank",
  "bank_endpoint_not_found",
  "bank_endpoint_retired",
  "bank_endpoint_disabled",
  "biller_profile_invalid",
  "participant_not_biller",
  "participant_not_channel",
  "suspension_reason_invalid",
  "suspension_changed_concurrently",
  "currency_unknown",
  "fee_value_negative",
  "fee_value_too_large",
  "fee_basis_points_invalid",
  "fee_minimum_above_maximum",
  "fee_payer_is_operator",
  "fee_schedule_not_found",
  "amount_invalid",
  "amount_too_precise",
  "amount_too_large",
  "barcode_limit_invalid",
  "code_prefix_invalid",
  "code_prefix_overlaps",
  "code_prefix_not_found",
  "participant_not_issuer",
];
