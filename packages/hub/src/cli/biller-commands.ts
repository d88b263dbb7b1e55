import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { migrateToLatest } from "../adapters/store/database.ts";
import { KyselyBillerProfileStore } from "../adapters/store/kysely-biller-profile-store.ts";
import { KyselyParticipantStore } from "../adapters/store/kysely-participant-store.ts";
import { billerProfileView } from "../api/biller-view.ts";
import { problemCatalogue } from "../api/problem-catalogue.ts";
import { billerPageSizeMax } from "../app/billers/biller-catalogue-entry.ts";
import { BillerRegistry, type SetOutcome } from "../app/billers/biller-registry.ts";
import { commandLineActor } from "../domain/audit/audit-actor.ts";
import type { BillerProfileInput } from "../domain/billers/biller-profile.ts";
import { CliError } from "./cli-error.ts";
import { openExistingStore } from "./existing-store.ts";

export interface StoreOptions {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
}

type Print = (line: string) => void;

/** The registry over a store a hub has run on, with the schema brought up to date. */
async function withRegistry<T>(
  options: StoreOptions,
  use: (registry: BillerRegistry) => Promise<T>,
): Promise<T> {
  const database = await openExistingStore(options);
  try {
    await migrateToLatest(database);
    const participants = new KyselyParticipantStore(database.kysely);
    const store = new KyselyBillerProfileStore(database.kysely, database.dialect);
    return await use(new BillerRegistry(participants, store));
  } finally {
    await database.close();
  }
}

/** One line per refused field, as the API's problem lists them. */
function refusal(refused: Extract<SetOutcome, { ok: false }>): string {
  if (refused.code === "biller_capacity_raise_needs_approval") {
    return "the profile raises the biller's capacity, which needs a second operator's approval: send it with PUT /operator/v1/billers/{participantId} (or the console) so another operator can approve it";
  }
  const fields = (refused.issues ?? []).map((issue) => `\n  ${issue.field}: ${issue.code}`);
  return `${problemCatalogue[refused.code].title} (${refused.code})${fields.join("")}`;
}

async function readProfile(file: string): Promise<BillerProfileInput> {
  let text: string;
  try {
    text = file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as BillerProfileInput;
  } catch {
    throw new CliError(
      `${file} is not JSON: write the profile as PUT /operator/v1/billers takes it`,
    );
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function listLine(view: ReturnType<typeof billerProfileView>): string {
  const { capacity } = view;
  return [
    view.id.padEnd(20),
    view.category.padEnd(13),
    view.status.padEnd(10),
    `v${view.version}`.padEnd(5),
    view.billFetch.padEnd(14),
    view.amountExactness.padEnd(14),
    `${capacity.inquiriesPerSecond}/s inquiries, ${capacity.postingsPerSecond}/s postings, ${capacity.concurrentCallsMax} concurrent, ${capacity.postingReserveBasisPoints / 100}% kept for postings`,
  ].join(" ");
}

/**
 * `clearhub biller set|show|list`: the biller registry from the command line, on the store the
 * hub uses. A change is audited as the CLI's; a capacity raise is refused here, because it
 * needs a second operator, which only the operator API and the console provide.
 */
export function addBillerCommands(
  program: Command,
  defaults: StoreOptions,
  stdout: Print,
  stderr: Print,
): void {
  const biller = program.command("biller").description("the biller registry: billers' profiles");
  const storeOptions = (command: Command) =>
    command
      .option(
        "--database-url <url>",
        "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
        defaults.databaseUrl,
      )
      .option("--data-dir <dir>", "directory of the SQLite file", defaults.dataDir);

  storeOptions(
    biller
      .command("set <participantId>")
      .description(
        "register or replace a biller's profile from a JSON file ('-': standard input), as PUT /operator/v1/billers/{participantId} takes it",
      )
      .requiredOption("--file <path>", "the profile as JSON; '-' reads standard input"),
  ).action(async (participantId: string, options: StoreOptions & { file: string }) => {
    const input = await readProfile(options.file);
    await withRegistry(options, async (registry) => {
      const set = await registry.set(participantId, input, commandLineActor);
      if (!set.ok) throw new CliError(`profile of ${participantId} not set: ${refusal(set)}`);
      const { entry, changed, created } = set.value;
      stdout(JSON.stringify(billerProfileView(entry), null, 2));
      const what = created ? "registered" : changed ? "replaced" : "unchanged";
      stderr(`biller ${participantId} ${what}: version ${entry.profile.version}`);
    });
  });

  storeOptions(
    biller.command("show <participantId>").description("print a biller's profile as JSON"),
  ).action(async (participantId: string, options: StoreOptions) => {
    await withRegistry(options, async (registry) => {
      const found = await registry.find(participantId);
      if (!found.ok) throw new CliError(`${participantId}: ${refusal(found)}`);
      stdout(JSON.stringify(billerProfileView(found.value), null, 2));
    });
  });

  storeOptions(
    biller
      .command("list")
      .description("list billers' profiles, least recently changed first")
      .option("--json", "print one JSON array"),
  ).action(async (options: StoreOptions & { json?: boolean }) => {
    await withRegistry(options, async (registry) => {
      const views = [];
      let after: { updatedAt: number; participantId: string } | undefined;
      for (;;) {
        const page = await registry.list({ limit: billerPageSizeMax, after });
        views.push(...page.map(billerProfileView));
        const last = page.at(-1);
        if (last === undefined || page.length < billerPageSizeMax) break;
        after = { updatedAt: last.profile.updatedAt, participantId: last.profile.participantId };
      }
      if (options.json === true) stdout(JSON.stringify(views));
      else if (views.length === 0) stderr("no biller has a profile yet");
      else for (const view of views) stdout(listLine(view));
    });
  });
}
