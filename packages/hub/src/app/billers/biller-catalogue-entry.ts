import type { BillerProfile } from "../../domain/billers/biller-profile.ts";
import type { ParticipantStatus } from "../../domain/participant/participant.ts";

/** A biller's profile with what it inherits from its participant. */
export interface BillerEntry {
  readonly profile: BillerProfile;
  readonly name: string;
  readonly status: ParticipantStatus;
}

/** Where a page of the catalogue starts: after this (updatedAt, participantId). */
export interface BillerSyncCursor {
  readonly updatedAt: number;
  readonly participantId: string;
}

export interface BillerListQuery {
  readonly limit: number;
  /** Only entries updated at or after this time (ms since the epoch). */
  readonly updatedSince?: number | undefined;
  readonly after?: BillerSyncCursor | undefined;
}

export const billerPageSizeMax = 500;
