import { lastCutoff, type SettlementSchedule } from "../app/settlement/settlement-schedule.ts";
import type { SettlementService } from "../app/settlement/settlement-service.ts";
import type { AuditActor } from "../domain/audit/audit-actor.ts";
import { PeriodicJob } from "./periodic-job.ts";

/** The schedule closes windows as itself, in the audit log and on each window. */
export const scheduleActor: AuditActor = {
  kind: "system",
  id: "schedule",
  name: "settlement schedule",
};

export interface ScheduledCloseOptions {
  readonly schedule: SettlementSchedule;
  /** How often a node looks for a cut-off passed: the most a close can lag behind one. */
  readonly intervalMs: number;
  readonly onError?: ((error: unknown) => void) | undefined;
}

/**
 * Closes every currency's open window once a scheduled cut-off has passed since it opened.
 * Every hub node runs it: the close names the cut-off (close the window opened before it), and
 * the close's transaction serialises nodes, so the second node finds the window opened after
 * the cut-off and closes nothing.
 */
export class ScheduledWindowClose {
  private readonly job: PeriodicJob;

  constructor(
    private readonly settlement: Pick<SettlementService, "openWindows" | "close">,
    private readonly options: ScheduledCloseOptions,
    private readonly clock: () => number = Date.now,
  ) {
    this.job = new PeriodicJob(options.intervalMs, () => this.pass(), options.onError);
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass: answers the ids of the windows it closed. */
  async pass(): Promise<string[]> {
    const cutoffAt = lastCutoff(this.options.schedule, this.clock());
    const closed: string[] = [];
    for (const window of await this.settlement.openWindows()) {
      if (window.openedAt >= cutoffAt) continue;
      const outcome = await this.settlement.close(
        window.currency,
        { kind: "opened_before", cutoffAt },
        scheduleActor,
      );
      if (outcome.kind === "closed") closed.push(outcome.window.id);
    }
    return closed;
  }
}
