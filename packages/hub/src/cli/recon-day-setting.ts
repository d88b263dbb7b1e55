import {
  type BusinessDayConfig,
  businessDayDefaults,
  isTimeZone,
  parseCutoff,
} from "../domain/reconciliation/business-day.ts";
import { CliError } from "./cli-error.ts";

/**
 * `CLEARHUB_RECON_CUTOFF` (`HH:MM`, default 00:00) and `CLEARHUB_RECON_TIME_ZONE` (an IANA
 * name, default UTC): when each business day ends. A bad value stops the command naming it.
 */
export function reconDayFrom(env: NodeJS.ProcessEnv): BusinessDayConfig {
  const cutoffText = env.CLEARHUB_RECON_CUTOFF?.trim() ?? "";
  const zone = env.CLEARHUB_RECON_TIME_ZONE?.trim() ?? "";
  const cutoffMinutes =
    cutoffText === "" ? businessDayDefaults.cutoffMinutes : parseCutoff(cutoffText);
  if (cutoffMinutes === undefined) {
    throw new CliError(
      `CLEARHUB_RECON_CUTOFF is HH:MM (00:00-23:59), not ${JSON.stringify(cutoffText)}`,
    );
  }
  const timeZone = zone === "" ? businessDayDefaults.timeZone : zone;
  if (!isTimeZone(timeZone)) {
    throw new CliError(`CLEARHUB_RECON_TIME_ZONE names no time zone: ${JSON.stringify(zone)}`);
  }
  return { cutoffMinutes, timeZone };
}
