import { DateTime } from "luxon";

/**
 * The business day a statement covers. Day D ends at the first cut-off strictly after local
 * midnight that starts calendar day D, in the configured time zone: with a 23:00 cut-off, day D
 * is [D-1 23:00, D 23:00); with 00:00, [D 00:00, D+1 00:00). The wall times are turned into
 * instants by the time-zone database (luxon over Intl), so a day across a daylight-saving change
 * is 23 or 25 hours long, as the participant's own books count it.
 */
export interface BusinessDayConfig {
  /** Minutes after local midnight, 0-1439. */
  readonly cutoffMinutes: number;
  /** An IANA time zone name. */
  readonly timeZone: string;
}

export const businessDayDefaults: BusinessDayConfig = { cutoffMinutes: 0, timeZone: "UTC" };

/** A time range in epoch milliseconds, start included, end excluded. */
export interface DayRange {
  readonly fromMs: number;
  readonly toMs: number;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const cutoffPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A calendar date `YYYY-MM-DD` that exists, or undefined. */
export function parseBusinessDay(text: string): string | undefined {
  if (!dayPattern.test(text)) return undefined;
  return DateTime.fromISO(text, { zone: "UTC" }).isValid ? text : undefined;
}

/** `HH:MM` as minutes after midnight, or undefined. */
export function parseCutoff(text: string): number | undefined {
  const match = cutoffPattern.exec(text);
  if (match === null) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isTimeZone(name: string): boolean {
  return DateTime.local().setZone(name).isValid;
}

/** The instants day `day` (a valid `YYYY-MM-DD`) starts and ends at. */
export function businessDayRange(day: string, config: BusinessDayConfig): DayRange {
  const midnight = DateTime.fromISO(day, { zone: config.timeZone }).startOf("day");
  const endDay = config.cutoffMinutes === 0 ? midnight.plus({ days: 1 }) : midnight;
  const end = endDay.set({
    hour: Math.floor(config.cutoffMinutes / 60),
    minute: config.cutoffMinutes % 60,
  });
  const start = end.minus({ days: 1 }).set({
    hour: Math.floor(config.cutoffMinutes / 60),
    minute: config.cutoffMinutes % 60,
  });
  return { fromMs: start.toMillis(), toMs: end.toMillis() };
}

/**
 * The business day holding `instant`: the calendar day of the instant or one next to it (a
 * cut-off moves the day's start by less than a day).
 */
export function businessDayHolding(instant: number, config: BusinessDayConfig): string {
  for (const offset of [-1, 0, 1]) {
    const day = new Date(instant + offset * 86_400_000).toISOString().slice(0, 10);
    const range = businessDayRange(day, config);
    if (range.fromMs <= instant && instant < range.toMs) return day;
  }
  throw new Error(`no business day holds ${new Date(instant).toISOString()}`);
}

/** A cut-off twelve hours from `instant` (UTC): the day holding it spans hours either side. */
export function businessDayCentredOn(instant: number): BusinessDayConfig {
  const minute = Math.floor((instant % 86_400_000) / 60_000);
  return { cutoffMinutes: (minute + 720) % 1440, timeZone: "UTC" };
}
