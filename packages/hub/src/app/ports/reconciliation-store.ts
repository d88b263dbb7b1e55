import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { ParticipantRecordRow } from "../../domain/reconciliation/participant-record-row.ts";
import type {
  BreakKind,
  BreakState,
  ReconciliationBreak,
} from "../../domain/reconciliation/reconciliation-break.ts";

/** One upload of a participant's record, matched against the hub's rows of its day. */
export interface MatchRun {
  readonly id: string;
  readonly participantId: string;
  readonly day: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly at: number;
  /** Who uploaded: the participant itself, or an operator (`operator:` and the account). */
  readonly uploadedBy: string;
}

/** The hub's transactions still UNKNOWN are listed apart, this many by id at most. */
export const unknownListedMax = 100;

export interface MatchSummary {
  readonly runId: string;
  readonly participantId: string;
  readonly day: string;
  readonly hubRows: number;
  readonly participantRows: number;
  /** Breaks of this run by kind, counting those already resolved in an earlier run too. */
  readonly breaks: Readonly<Record<BreakKind, number>>;
  /** Hub transactions whose outcome is unknown: not compared, listed apart. */
  readonly unknownAtHub: number;
  readonly unknownHubTransactionIds: readonly string[];
}

/**
 * A participant's record on its way in: rows are added in batches to scratch space of the
 * match's own (nothing another reader sees), then matched at once, or abandoned leaving no trace.
 */
export interface RecordStaging {
  add(rows: readonly ParticipantRecordRow[]): Promise<void>;
  /**
   * Matches the staged rows against the hub's rows of the run's day and, in one transaction,
   * replaces the day's open breaks with the new ones and records the run. A difference already
   * resolved (same kind and key) is not raised again. Ends the staging.
   */
  match(): Promise<MatchSummary>;
  abandon(): Promise<void>;
}

export interface BreakFilter {
  readonly participantId?: string | undefined;
  readonly day?: string | undefined;
  readonly state?: BreakState | undefined;
  readonly kind?: BreakKind | undefined;
  /** Breaks with ids after this one: the cursor of the previous page. */
  readonly afterId?: string | undefined;
  readonly limit: number;
}

export interface BreakResolutionChange {
  readonly state: Exclude<BreakState, "open">;
  readonly reason: string | null;
  readonly reversalTransferId: string | null;
  readonly resolvedBy: string;
  readonly resolvedAt: number;
}

export const breakPageSizeMax = 500;

export interface ReconciliationStore {
  stage(run: MatchRun): Promise<RecordStaging>;
  listBreaks(filter: BreakFilter): Promise<ReconciliationBreak[]>;
  findBreak(id: string): Promise<ReconciliationBreak | undefined>;
  /** Resolves an open break with its audit entry in one transaction; false if it was not open. */
  resolveBreak(id: string, change: BreakResolutionChange, audit: AuditRecord): Promise<boolean>;
}
