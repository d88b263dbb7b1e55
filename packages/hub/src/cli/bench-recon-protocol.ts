/**
 * The messages between `clearhub bench recon` and its matcher, a child process of its own that
 * opens the hub on the benchmark's store and matches the participant's file, as `clearhub recon
 * match` would: its resident memory is the match's, not the seeding's left behind.
 */
import type { BusinessDayConfig } from "../domain/reconciliation/business-day.ts";

export interface ReconMatchOrder {
  readonly store: { readonly dataDir?: string; readonly databaseUrl?: string };
  readonly reconciliationDay: BusinessDayConfig;
  readonly participantId: string;
  readonly day: string;
  readonly file: string;
}

export type ReconParentMessage =
  | { readonly type: "match"; readonly order: ReconMatchOrder }
  | { readonly type: "exit" };

export type ReconChildMessage =
  | {
      readonly type: "matched";
      /** The match alone: parsing the file, staging it, joining, recording the breaks. */
      readonly seconds: number;
      /** The matcher process's most resident memory during the match, sampled every 20 ms. */
      readonly peakRssMb: number;
      readonly refusal?: string;
    }
  | { readonly type: "failed"; readonly message: string };
