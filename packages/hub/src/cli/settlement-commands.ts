import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { migrateToLatest } from "../adapters/store/database.ts";
import { KyselyAuditLogStore } from "../adapters/store/kysely-audit-log-store.ts";
import { problemCatalogue } from "../api/problem-catalogue.ts";
import { confirmationAnswer } from "../api/settlement-confirmation-view.ts";
import { settlementReportView, settlementWindowView } from "../api/settlement-window-view.ts";
import { GroupCommit, groupCommitDefaults } from "../app/ledger/group-commit.ts";
import { readConfirmationFile } from "../app/settlement/confirmation-file-reader.ts";
import type { SettlementFiles } from "../app/settlement/settlement-files.ts";
import type { ConfirmScope, SettlementService } from "../app/settlement/settlement-service.ts";
import { createLedgerStore } from "../composition/ledger.ts";
import { composeSettlement } from "../composition/settlement.ts";
import { commandLineActor } from "../domain/audit/audit-actor.ts";
import { CliError } from "./cli-error.ts";
import { environment } from "./command-line.ts";
import { openExistingStore } from "./existing-store.ts";
import { progressBar } from "./progress-bar.ts";
import { settlementFileCount, writeSettlementFiles } from "./settlement-files.ts";

interface StoreOptions {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  readonly json?: boolean | undefined;
}

type Print = (line: string) => void;

/** The settlement service over the store a hub runs on, with its own ledger queue. */
async function withSettlement<T>(
  options: StoreOptions,
  use: (settlement: SettlementService, files: SettlementFiles) => Promise<T>,
): Promise<T> {
  const database = await openExistingStore(options);
  const ledger = new GroupCommit(createLedgerStore(database), groupCommitDefaults);
  try {
    await migrateToLatest(database);
    const { settlement, settlementFiles } = composeSettlement(
      database,
      ledger,
      new KyselyAuditLogStore(database.kysely),
      { timeZone: environment.settlementTimeZone },
    );
    return await use(settlement, settlementFiles);
  } finally {
    await ledger.drain();
    await database.close();
  }
}

function refused(code: keyof typeof problemCatalogue, what: string): CliError {
  return new CliError(`${what}: ${problemCatalogue[code].title} (${code})`);
}

function printJson(stdout: Print, value: unknown): void {
  stdout(JSON.stringify(value));
}

/**
 * `clearhub settle close|report|confirm|abort`: the settlement cycle from the command line, on
 * the store the hub uses, audited as the CLI's. The CLI is the hub administrator's own tool on
 * the hub's machine, so a confirmation here is not held for a second operator as it is in the
 * API and the console; a confirmation from the settlement bank's file is checked line by line.
 */
export function addSettlementCommands(program: Command, stdout: Print, stderr: Print): void {
  const settle = program
    .command("settle")
    .description("settlement windows: close, report, confirm, abort");
  const withStore = (command: Command) =>
    command
      .option(
        "--database-url <url>",
        "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
        environment.databaseUrl,
      )
      .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
      .option("--json", "print one JSON object");

  withStore(
    settle
      .command("close")
      .description("close the currency's open window and open the next")
      .requiredOption("--currency <code>", "the window's currency, e.g. CNY"),
  ).action(async (options: StoreOptions & { currency: string }) => {
    await withSettlement(options, async (settlement) => {
      const open = (await settlement.openWindows()).find((w) => w.currency === options.currency);
      if (open === undefined) throw new CliError(`no account is held in ${options.currency}`);
      const outcome = await settlement.close(
        open.currency,
        { kind: "window", windowId: open.id },
        commandLineActor,
      );
      if (outcome.kind === "refused") throw refused(outcome.refusal, open.id);
      if (outcome.kind === "already_closed") throw new CliError(`${open.id} was closed meanwhile`);
      if (options.json === true) {
        return printJson(stdout, {
          window: settlementWindowView(outcome.window),
          next: settlementWindowView(outcome.next),
        });
      }
      const report = await settlement.report(outcome.window.id);
      stdout(
        `${outcome.window.id} ${outcome.window.state}: batches ${outcome.window.startSeq + 1}..${outcome.window.endSeq}, ${report?.positions.length ?? 0} participants moved, ${report?.instructions.length ?? 0} instructions; ${outcome.next.id} open`,
      );
    });
  });

  withStore(
    settle
      .command("report <windowId>")
      .description("print a window's net positions and instructions; --out writes its files")
      .option(
        "--out <dir>",
        "write the window's files (CSV and ISO 20022 XML) into this directory",
      ),
  ).action(async (windowId: string, options: StoreOptions & { out?: string }) => {
    await withSettlement(options, async (settlement, files) => {
      const report = await settlement.report(windowId);
      if (report === undefined) throw refused("window_not_found", windowId);
      if (options.out !== undefined) {
        if (report.window.closedAt === null) throw refused("window_not_closed", windowId);
        const progress = progressBar("files", settlementFileCount(report), options.json);
        const written = await writeSettlementFiles(options.out, report, files, progress);
        progress.stop();
        stderr(`${written.length} files written to ${options.out}`);
      }
      const view = settlementReportView(report);
      if (options.json === true) return printJson(stdout, view);
      stdout(`${view.window.id} ${view.window.state} (${view.window.currency})`);
      for (const i of view.instructions) {
        stdout(
          `  ${i.participantId.padEnd(24)} ${i.direction.padEnd(8)} ${i.amount.padStart(20)}  leg ${i.leg}`,
        );
      }
      for (const s of view.shortfalls) {
        stdout(
          `  SHORT ${s.participantId}: owes ${s.owes}, reserve ${s.reserve}, short by ${s.shortBy}`,
        );
      }
    });
  });

  withStore(
    settle
      .command("confirm <windowId>")
      .description(
        "post the window's settlement legs through the ledger: all, all covered by reserves, chosen participants, or those in the settlement bank's file",
      )
      .option("--participant <id...>", "settle only these participants")
      .option("--all-covered", "settle everyone whose reserve covers its instruction")
      .option("--file <path>", "the settlement bank's confirmation file (CSV)"),
  ).action(
    async (
      windowId: string,
      options: StoreOptions & { participant?: string[]; allCovered?: boolean; file?: string },
    ) => {
      await withSettlement(options, async (settlement) => {
        const outcome =
          options.file === undefined
            ? await settlement.confirm(windowId, scopeOf(options), commandLineActor)
            : await settlement.confirmFile(
                windowId,
                await fileLines(options.file),
                commandLineActor,
              );
        const answer = confirmationAnswer(outcome);
        if (!answer.ok) {
          const lines = (answer.extras.errors ?? []).map((e) =>
            `\n  ${e.pointer ?? ""} ${e.code ?? ""} ${e.detail ?? ""}`.trimEnd(),
          );
          throw new CliError(`${refused(answer.code, windowId).message}${lines.join("")}`);
        }
        if (options.json === true) return printJson(stdout, answer.body);
        const { window, posted, alreadyPosted, refused: legsRefused } = answer.body;
        stdout(
          `${window.id} ${window.state}: ${posted.length} legs posted, ${alreadyPosted.length} posted before, ${legsRefused.length} refused`,
        );
        for (const r of legsRefused) stdout(`  refused ${r.participantId}: ${r.code}`);
      });
    },
  );

  withStore(
    settle
      .command("abort <windowId>")
      .description("abort a closed window: its positions return in the next round"),
  ).action(async (windowId: string, options: StoreOptions) => {
    await withSettlement(options, async (settlement) => {
      const outcome = await settlement.abort(windowId, commandLineActor);
      if (typeof outcome === "string") throw refused(outcome, windowId);
      if (options.json === true) {
        return printJson(stdout, {
          window: settlementWindowView(outcome.window),
          into: settlementWindowView(outcome.into),
        });
      }
      stdout(`${windowId} aborted: its positions settle with ${outcome.into.id}`);
    });
  });
}

function scopeOf(options: { participant?: string[]; allCovered?: boolean }): ConfirmScope {
  if (options.participant !== undefined && options.allCovered === true) {
    throw new CliError("--participant and --all-covered exclude each other");
  }
  if (options.participant !== undefined) {
    return { kind: "participants", participantIds: options.participant };
  }
  return { kind: options.allCovered === true ? "all_covered" : "all" };
}

async function fileLines(path: string) {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const read = readConfirmationFile(text);
  if (!read.ok) throw refused("confirmation_file_malformed", `${path}: ${read.detail}`);
  return read.lines;
}
