import { type Command, InvalidArgumentError } from "commander";
import { WebhookDestinationPolicy } from "../adapters/webhooks/webhook-destination-policy.ts";
import {
  billRefValidityMinutesMax,
  billRefValidityMinutesMin,
} from "../app/billers/bill-inquiry-service.ts";
import { checkSchedule, type SettlementSchedule } from "../app/settlement/settlement-schedule.ts";
import { channelTermsFrom } from "./channel-terms-setting.ts";
import { CliError } from "./cli-error.ts";
import { environment, integer, stdout } from "./command-line.ts";
import { runDemoNetwork } from "./demo-network.ts";
import { reconDayFrom } from "./recon-day-setting.ts";
import { serve } from "./serve.ts";

/** A mistyped allow-list stops the start with one line naming it, before anything opens. */
function checkAllowNetworks(networks: readonly string[]): void {
  try {
    new WebhookDestinationPolicy(networks);
  } catch (error) {
    throw new CliError(`CLEARHUB_WEBHOOK_ALLOW_NETWORKS: ${(error as Error).message}`);
  }
}

const billRefValidityMinutes = integer(billRefValidityMinutesMin, billRefValidityMinutesMax);

/** The variable as the option would be read; a bad value stops the start naming the variable. */
function billRefValidityFromEnvironment(): number | undefined {
  const text = environment.billRefValidityMinutes;
  if (text === undefined || text === "") return undefined;
  try {
    return billRefValidityMinutes(text);
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    throw new CliError(`CLEARHUB_BILL_REF_VALIDITY_MINUTES: ${error.message}`);
  }
}

/**
 * `CLEARHUB_SETTLEMENT_SCHEDULE` with `CLEARHUB_SETTLEMENT_TIME_ZONE`, which must be given with
 * it: a cut-off means nothing without the zone it is read in. A bad pair stops the start.
 */
export function settlementScheduleFrom(
  expression: string | undefined,
  timeZone: string | undefined,
): SettlementSchedule | undefined {
  if (expression === undefined || expression.trim() === "") return undefined;
  if (timeZone === undefined || timeZone.trim() === "") {
    throw new CliError(
      "CLEARHUB_SETTLEMENT_SCHEDULE needs CLEARHUB_SETTLEMENT_TIME_ZONE (an IANA zone such as Asia/Shanghai or UTC)",
    );
  }
  const schedule = { expression: expression.trim(), timeZone: timeZone.trim() };
  const check = checkSchedule(schedule);
  if (!check.ok) throw new CliError(`CLEARHUB_SETTLEMENT_SCHEDULE: ${check.problem}`);
  return schedule;
}

/** The demo's receivers run on this machine: it allows loopback besides what is configured. */
const demoAllowNetworks = ["127.0.0.0/8", "::1/128"];

/** `clearhub start`: the hub itself, with the demo network on `--demo`. */
export function addStartCommand(program: Command): void {
  program
    .command("start")
    .description("run the hub: migrate the schema, serve the API, run the background jobs")
    .option("--host <host>", "address to listen on", process.env.HOST ?? "127.0.0.1")
    .option(
      "--port <port>",
      "port to listen on",
      integer(0, 65535),
      Number(process.env.PORT ?? 8080),
    )
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
      environment.databaseUrl,
    )
    .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
    .option(
      "--redis-url <url>",
      "Redis URL for the signature nonces shared by hub nodes (default: $REDIS_URL, else the store)",
      environment.redisUrl,
    )
    .option(
      "--bill-ref-validity-minutes <minutes>",
      `how long a presented bill's billRef can be paid, ${billRefValidityMinutesMin}-${billRefValidityMinutesMax} (default: $CLEARHUB_BILL_REF_VALIDITY_MINUTES, else 30)`,
      billRefValidityMinutes,
    )
    .option(
      "--demo",
      "seed the demo network (two banks, two payment institutions, three billers) if absent",
    )
    .action(
      async (options: {
        host: string;
        port: number;
        databaseUrl?: string;
        dataDir: string;
        redisUrl?: string;
        billRefValidityMinutes?: number;
        demo?: boolean;
      }) => {
        const demo = options.demo === true;
        const { dataKeys, hubSigningKey } = environment;
        const webhookAllowNetworks = [
          ...environment.webhookAllowNetworks,
          ...(demo ? demoAllowNetworks : []),
        ];
        checkAllowNetworks(environment.webhookAllowNetworks);
        const validity = options.billRefValidityMinutes ?? billRefValidityFromEnvironment();
        const channelTerms = channelTermsFrom(environment.channelTerms);
        const settlementSchedule = settlementScheduleFrom(
          environment.settlementSchedule,
          environment.settlementTimeZone,
        );
        const config = {
          ...options,
          demo,
          dataKeys,
          hubSigningKey,
          webhookAllowNetworks,
          billRefValidityMinutes: validity,
          channelTerms,
          settlementSchedule,
          reconciliationDay: reconDayFrom(process.env),
        };
        await serve(config, stdout, demo ? runDemoNetwork(options.dataDir, stdout) : undefined);
      },
    );
}
