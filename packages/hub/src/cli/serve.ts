import type { LoggerOptions } from "pino";
import { consolePath } from "../api/console-route.ts";
import { docsPath, openapiPath } from "../api/openapi-document.ts";
import { issueOperatorToken } from "../api/operator-auth.ts";
import type { ApiServer } from "../api/server.ts";
import type { ConfiguredChannelTerms } from "../app/billers/biller-admission-gate.ts";
import type { SettlementSchedule } from "../app/settlement/settlement-schedule.ts";
import { startHttpServer } from "../composition/http-server.ts";
import { LifecycleStack, reportUnwindError } from "../composition/lifecycle-stack.ts";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { BusinessDayConfig } from "../domain/reconciliation/business-day.ts";
import { type Hub, openHub } from "../hub.ts";
import { CliError } from "./cli-error.ts";

export interface ServeConfig {
  readonly host: string;
  readonly port: number;
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  /** Where signature nonces are shared between hub nodes; unset keeps them in the store. */
  readonly redisUrl?: string | undefined;
  /** `CLEARHUB_DATA_KEYS`; unset uses (or creates) the data-keys file in the data directory. */
  readonly dataKeys?: string | undefined;
  /** The webhook signing key (PKCS#8 PEM); unset, it is kept in the data directory. */
  readonly hubSigningKey?: string | undefined;
  /** Networks (CIDR) webhooks may go to besides public addresses. */
  readonly webhookAllowNetworks?: readonly string[] | undefined;
  /** How long a presented bill's billRef can be paid; 30 minutes unless given. */
  readonly billRefValidityMinutes?: number | undefined;
  /** Each channel's weight and quotas at billers; weight 1 and the default quotas unless given. */
  readonly channelTerms?: ConfiguredChannelTerms | undefined;
  /** When settlement windows close by themselves; unset, only the operator closes them. */
  readonly settlementSchedule?: SettlementSchedule | undefined;
  /** When each reconciliation business day ends; 00:00 UTC unless given. */
  readonly reconciliationDay?: BusinessDayConfig | undefined;
  /** Only labels the banner; the caller seeds the demo network through `onReady`. */
  readonly demo: boolean;
  /** The request log (pino, to stdout); info level unless given. */
  readonly logger?: boolean | LoggerOptions | undefined;
}

export interface RunningHub {
  readonly hub: Hub;
  readonly server: ApiServer;
  /** The base URL as a person on this machine would type it. */
  readonly url: string;
  /** Stops accepting requests, lets those in flight finish, then closes the hub. Idempotent. */
  close(): Promise<void>;
}

export type ServeLog = (line: string) => void;

/**
 * Runs once the server listens, given the hub and its URL (the CLI seeds the demo network and
 * starts its banks there); what it answers is run first when the hub closes.
 */
export type OnReady = (hub: Hub, url: string) => Promise<(() => Promise<void>) | undefined | void>;

const firstTokenName = "initial operator token";
const shutdownSignals = ["SIGINT", "SIGTERM"] as const;

/** Wildcard binds are reachable as localhost; printing 0.0.0.0 would not be a usable URL. */
function displayUrl(server: ApiServer, host: string): string {
  const address = server.server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const wildcard = host === "" || host === "0.0.0.0" || host === "::";
  const shown = wildcard ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** The plaintext exists only here: it is printed once and never stored. */
async function firstRunToken(hub: Hub): Promise<string | undefined> {
  if ((await hub.operatorTokens.countActive()) > 0) return undefined;
  return (await issueOperatorToken(hub, firstTokenName, hubActor)).token;
}

function banner(config: ServeConfig, hub: Hub, url: string, token: string | undefined): string[] {
  const lines = [
    `clearhub listening on ${url}${config.demo ? " (demo network)" : ""}`,
    `  console       ${url}${consolePath}`,
    `  API docs      ${url}${docsPath}`,
    `  OpenAPI       ${url}${openapiPath}`,
    `  data          ${hub.database.location} (${hub.database.dialect})`,
    `  nonces        ${config.redisUrl ? "Redis" : "the store"}`,
    `  data keys     ${hub.dataKeysOrigin}`,
    `  webhook key   ${signingKeyLine(hub)}`,
  ];
  if (token === undefined) {
    lines.push("  operator API  use a token issued earlier (only its hash is stored)");
  } else {
    lines.push(
      `  operator token (shown once, store it now): ${token}`,
      `    curl -H "Authorization: Bearer ${token}" ${url}/operator/v1/participants`,
    );
  }
  return lines;
}

function signingKeyLine(hub: Hub): string {
  const { key, source, file } = hub.hubSigningKey;
  const origin = {
    environment: "from CLEARHUB_HUB_SIGNING_KEY",
    "data directory": `in ${file}`,
    "this process only": "made for this process only",
  }[source];
  // Nodes sharing a database must sign alike: a key of one node's own is worth a warning.
  const advice =
    hub.database.dialect === "postgres" && source !== "environment"
      ? "; set CLEARHUB_HUB_SIGNING_KEY on every hub node to share one key"
      : "";
  return `${key.keyId} ${origin}${advice}`;
}

function closeOnSignals(close: () => Promise<void>, log: ServeLog): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: shutting down`);
    close().catch((error: unknown) => {
      log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
  };
  // `once`: a second Ctrl-C falls back to Node's default and ends a stuck shutdown.
  for (const signal of shutdownSignals) process.once(signal, onSignal);
  return () => {
    for (const signal of shutdownSignals) process.off(signal, onSignal);
  };
}

/** A port someone else holds is the newcomer's commonest failure: say which and what to do. */
function explainListenError(error: unknown, config: ServeConfig): unknown {
  const code = (error as { code?: unknown }).code;
  if (code !== "EADDRINUSE" && code !== "EACCES") return error;
  const what = code === "EADDRINUSE" ? "is in use (is another hub running?)" : "is not allowed";
  return new CliError(
    `port ${config.port} on ${config.host} ${what}: pick another with PORT=8081 npm start, or npx clearhub start --port 8081`,
  );
}

async function listen(hub: Hub, config: ServeConfig, stack: LifecycleStack): Promise<ApiServer> {
  try {
    return await startHttpServer(
      hub,
      { host: config.host, port: config.port },
      { logger: config.logger ?? { level: "info" } },
      stack,
    );
  } catch (error) {
    throw explainListenError(error, config);
  }
}

interface Started {
  readonly hub: Hub;
  readonly server: ApiServer;
  readonly url: string;
  readonly token: string | undefined;
}

/** The hub, then its server, then what `onReady` started: each stopped in the reverse order. */
async function start(
  config: ServeConfig,
  onReady: OnReady | undefined,
  stack: LifecycleStack,
): Promise<Started> {
  const hub = await openHub({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    redisUrl: config.redisUrl,
    dataKeys: config.dataKeys,
    hubSigningKey: config.hubSigningKey,
    webhookAllowNetworks: config.webhookAllowNetworks,
    billInquiry:
      config.billRefValidityMinutes === undefined
        ? undefined
        : { billRefValidityMs: config.billRefValidityMinutes * 60_000 },
    billerAdmission:
      config.channelTerms === undefined ? undefined : { channels: config.channelTerms },
    settlementSchedule: config.settlementSchedule,
    reconciliationDay: config.reconciliationDay,
  });
  stack.push("hub", () => hub.close());
  const server = await listen(hub, config, stack);
  const url = displayUrl(server, config.host);
  const cleanup = await onReady?.(hub, url);
  if (cleanup) stack.push("what onReady started", cleanup);
  return { hub, server, url, token: await firstRunToken(hub) };
}

/**
 * Runs the hub: opens the store, serves the operator API and, on the first run, prints an
 * operator token. `onReady` runs once the server listens (the CLI seeds the demo network
 * and starts its banks there). SIGINT and SIGTERM close the server, then the hub. A start that
 * fails midway closes whatever it had opened.
 */
export async function serve(
  config: ServeConfig,
  log: ServeLog,
  onReady?: OnReady,
): Promise<RunningHub> {
  const stack = new LifecycleStack();
  const { hub, server, url, token } = await stack.start(
    () => start(config, onReady, stack),
    reportUnwindError,
  );
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      removeSignalHandlers();
      await stack.stop();
    })();
    return closing;
  };
  const removeSignalHandlers = closeOnSignals(close, log);
  for (const line of banner(config, hub, url, token)) log(line);
  return { hub, server, url, close };
}
