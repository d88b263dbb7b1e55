import { CronExpressionParser } from "cron-parser";

/**
 * When windows close by themselves: a cron expression (minute hour day-of-month month
 * day-of-week, e.g. `0 6,12,18 * * *` for three rounds a day) read in an explicit IANA time
 * zone, so a round at 18:00 in Shanghai stays at 18:00 there whatever the servers' zone.
 */
export interface SettlementSchedule {
  readonly expression: string;
  readonly timeZone: string;
}

export type ScheduleCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: string };

export function checkSchedule(schedule: SettlementSchedule): ScheduleCheck {
  if (!isTimeZone(schedule.timeZone)) {
    return { ok: false, problem: `${schedule.timeZone} is no IANA time zone (e.g. Asia/Shanghai)` };
  }
  try {
    CronExpressionParser.parse(schedule.expression, { tz: schedule.timeZone });
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: `${schedule.expression}: ${(error as Error).message}` };
  }
}

/** The latest cut-off at or before `now`, epoch milliseconds. */
export function lastCutoff(schedule: SettlementSchedule, now: number): number {
  // prev() answers strictly before the current date, so start one millisecond after now.
  const expression = CronExpressionParser.parse(schedule.expression, {
    tz: schedule.timeZone,
    currentDate: new Date(now + 1),
  });
  return expression.prev().getTime();
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
