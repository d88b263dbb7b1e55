import { InvalidArgumentError } from "commander";
import { allowNetworksFrom } from "../adapters/webhooks/webhook-destination-policy.ts";
import { dataDirFrom } from "./data-dir.ts";

/** Where the hub keeps its data unless told otherwise: `DATABASE_URL`, else SQLite in the package's data/. */
export const environment = {
  databaseUrl: process.env.DATABASE_URL,
  dataDir: dataDirFrom(process.env),
  redisUrl: process.env.REDIS_URL,
  dataKeys: process.env.CLEARHUB_DATA_KEYS,
  // An environment variable, not an option: a command line is visible to every local user.
  hubSigningKey: process.env.CLEARHUB_HUB_SIGNING_KEY,
  operatorToken: process.env.CLEARHUB_OPERATOR_TOKEN,
  webhookAllowNetworks: allowNetworksFrom(process.env.CLEARHUB_WEBHOOK_ALLOW_NETWORKS),
  /** Read as `--bill-ref-validity-minutes` is, when that option is not given. */
  billRefValidityMinutes: process.env.CLEARHUB_BILL_REF_VALIDITY_MINUTES,
  /** Each channel's weight and quotas at billers, as JSON (see channel-terms-setting.ts). */
  channelTerms: process.env.CLEARHUB_CHANNEL_TERMS,
  /** When settlement windows close, a cron expression, read in the time zone below. */
  settlementSchedule: process.env.CLEARHUB_SETTLEMENT_SCHEDULE,
  settlementTimeZone: process.env.CLEARHUB_SETTLEMENT_TIME_ZONE,
};

/** The PostgreSQL server benchmarks use without DATABASE_URL: the local test server. */
export const defaultPostgresUrl = "postgres://postgres@127.0.0.1:5432/test";

/** Parses an option's integer, refusing anything outside [min, max]. */
export function integer(min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

/** Parses an option's share, a number from 0 to 1. */
export function share(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidArgumentError("expected a number from 0 to 1");
  }
  return value;
}

/** Commands print results to standard output, and progress and notes to standard error. */
export const stdout = (line: string) => process.stdout.write(`${line}\n`);
export const stderr = (line: string) => process.stderr.write(`${line}\n`);
