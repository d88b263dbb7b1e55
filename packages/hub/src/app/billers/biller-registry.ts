import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  type BillerProfile,
  type BillerProfileInput,
  checkBillerProfile,
  type ProfileIssue,
  raisesCapacity,
} from "../../domain/billers/biller-profile.ts";
import type { BillerProfileStore } from "../ports/biller-profile-store.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";
import {
  type BillerEntry,
  type BillerListQuery,
  billerPageSizeMax,
} from "./biller-catalogue-entry.ts";

/** What the registry refuses. */
export type BillerRefusal =
  | "biller_profile_invalid"
  | "biller_not_found"
  | "participant_not_found"
  | "participant_not_biller"
  | "participant_terminated";

export interface BillerRefused {
  readonly ok: false;
  readonly code: BillerRefusal;
  /** With `biller_profile_invalid`: each field refused and why. */
  readonly issues?: readonly ProfileIssue[] | undefined;
}

export type BillerOutcome<T> = { readonly ok: true; readonly value: T } | BillerRefused;

/**
 * A write's outcome. `biller_capacity_raise_needs_approval` is no refusal: the new capacity is
 * above the current one, which a second operator must approve.
 */
export type SetOutcome =
  | BillerOutcome<ProfileSet>
  | { readonly ok: false; readonly code: "biller_capacity_raise_needs_approval" };

export interface ProfileSet {
  readonly entry: BillerEntry;
  /** False when the profile already was exactly this: nothing written, nothing audited. */
  readonly changed: boolean;
  readonly created: boolean;
}

export interface SetOptions {
  /** Set by an approved proposal: the capacity may go above the current one. */
  readonly capacityRaiseApproved?: boolean | undefined;
}

function fail<T>(code: BillerRefusal, issues?: ProfileIssue[]): BillerOutcome<T> {
  return { ok: false, code, issues };
}

/** The profile as the audit log keeps it: every field an operator sets, and the version. */
function profileDetails(written: BillerProfile, previous: BillerProfile | undefined): AuditDetails {
  const { participantId: _id, createdAt: _created, updatedAt: _updated, ...fields } = written;
  return JSON.parse(
    JSON.stringify({ ...fields, previousVersion: previous?.version ?? null }),
  ) as AuditDetails;
}

/**
 * The biller registry: each biller's profile, as the operator sets it and channels read it.
 * A write replaces the whole profile; the same profile again changes nothing (no new version,
 * no audit entry), so a retried PUT is safe. Raising a biller's capacity needs four eyes:
 * too high a figure is how an old billing system gets flooded.
 */
export class BillerRegistry {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly store: BillerProfileStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async set(
    participantId: string,
    input: BillerProfileInput,
    actor: AuditActor,
    options: SetOptions = {},
  ): Promise<SetOutcome> {
    const checked = checkBillerProfile(input);
    if (!checked.ok) return fail("biller_profile_invalid", [...checked.issues]);
    const at = this.clock();
    const audit = (written: BillerProfile, previous: BillerProfile | undefined): AuditRecord => ({
      at,
      actor,
      action: "biller_profile.set",
      subject: `biller:${participantId}`,
      details: profileDetails(written, previous),
    });
    const refuseRaise = (previous: BillerProfile | undefined) =>
      previous !== undefined &&
      options.capacityRaiseApproved !== true &&
      raisesCapacity(previous.capacity, checked.fields.capacity)
        ? ("biller_capacity_raise_needs_approval" as const)
        : undefined;
    const put = await this.store.putProfile(participantId, checked.fields, at, audit, refuseRaise);
    if (put.ok) {
      const { entry, changed, previous } = put.value;
      return { ok: true, value: { entry, changed, created: previous === undefined } };
    }
    if (put.code === "biller_capacity_raise_needs_approval") return { ok: false, code: put.code };
    if (put.code !== "currency_not_held") return fail(put.code);
    const index = input.currencies.indexOf(put.currency ?? "");
    return fail("biller_profile_invalid", [
      { field: `/currencies/${Math.max(index, 0)}`, code: "currency_not_held" },
    ]);
  }

  /**
   * What `set` would refuse before it writes, for a proposal: the profile's own issues and
   * the participant's kind and status (its currencies are checked again when it is applied).
   */
  async check(
    participantId: string,
    input: BillerProfileInput,
  ): Promise<BillerRefusal | undefined> {
    if (!checkBillerProfile(input).ok) return "biller_profile_invalid";
    const participant = await this.participants.findParticipant(participantId);
    if (participant === undefined) return "participant_not_found";
    if (participant.kind !== "biller") return "participant_not_biller";
    return participant.status === "terminated" ? "participant_terminated" : undefined;
  }

  /** The biller's entry; for the operator, a participant that is no biller is told apart. */
  async find(participantId: string): Promise<BillerOutcome<BillerEntry>> {
    const entry = await this.store.findEntry(participantId);
    if (entry !== undefined) return { ok: true, value: entry };
    const participant = await this.participants.findParticipant(participantId);
    if (participant === undefined) return fail("participant_not_found");
    return fail(participant.kind === "biller" ? "biller_not_found" : "participant_not_biller");
  }

  /** A page in sync order: (updatedAt, participantId) ascending. */
  list(query: BillerListQuery): Promise<BillerEntry[]> {
    const limit = Math.min(Math.max(query.limit, 1), billerPageSizeMax);
    return this.store.listEntries({ ...query, limit });
  }
}
