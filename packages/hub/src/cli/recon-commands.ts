import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SingleBar } from "cli-progress";
import { type Command, Option } from "commander";
import { breakView, matchSummaryView } from "../api/reconciliation-view.ts";
import type {
  MatchResult,
  ReconciliationOutcome,
} from "../app/reconciliation/reconciliation-service.ts";
import {
  breakPageSizeMax,
  unknownInquiriesPerMatchMax,
} from "../app/reconciliation/reconciliation-service.ts";
import { type StatementFormat, statementFormats } from "../app/reconciliation/statement-writer.ts";
import { commandLineActor } from "../domain/audit/audit-actor.ts";
import type { BreakResolution } from "../domain/reconciliation/reconciliation-break.ts";
import { breakStates } from "../domain/reconciliation/reconciliation-break.ts";
import { CliError } from "./cli-error.ts";
import { environment, integer } from "./command-line.ts";
import { type StoreOptions, withReconciliation, withReconcilingHub } from "./recon-service.ts";

function refused(outcome: Extract<ReconciliationOutcome<unknown>, { ok: false }>): never {
  const rows = outcome.malformed?.rows.map((row) => `\n  line ${row.line}: ${row.problem}`) ?? [];
  const counted = outcome.malformed === undefined ? "" : ` (${outcome.malformed.count} rows)`;
  throw new CliError(
    `${outcome.code}${counted}${outcome.detail === undefined ? "" : `: ${outcome.detail}`}${rows.join("")}`,
  );
}

/** The match as a person reads it: the inquiry first, then breaks, then what is still unknown. */
function matchReport(summary: MatchResult): string {
  const { inquiry } = summary;
  const kinds = Object.entries(summary.breaks).map(([kind, n]) => `${kind} ${n}`);
  const beyond = inquiry.more
    ? `\n  more were unknown than the limit of ${inquiry.limit}: those not asked about stay unknown (match again to ask about more)`
    : "";
  const ids = summary.unknownHubTransactionIds.map((id) => `\n  ${id}`).join("");
  return [
    `run ${summary.runId}: ${summary.hubRows} hub rows, ${summary.participantRows} participant rows`,
    `status inquiry first: asked about ${inquiry.asked} unknown operations, ${inquiry.settled} settled${beyond}`,
    `breaks: ${kinds.join(", ")}`,
    `still unknown at the hub (no answer yet: not guessed, listed apart, no breaks): ${summary.unknownAtHub}${ids}`,
    "",
  ].join("\n");
}

/** A progress bar on standard error, drawn only on a terminal and never with `--json`. */
function progressBar(options: StoreOptions, format: string): SingleBar | undefined {
  if (options.json === true || process.stderr.isTTY !== true) return undefined;
  return new SingleBar({ format, stream: process.stderr, hideCursor: true });
}

function addStoreOptions(command: Command): Command {
  return command
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
      environment.databaseUrl,
    )
    .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
    .option("--json", "print one JSON object");
}

/** `clearhub recon export|match|breaks|resolve`: daily reconciliation from the hub's machine. */
export function addReconCommands(program: Command): void {
  const recon = program
    .command("recon")
    .description(
      "daily reconciliation: statements, matching a participant's record, resolving breaks (business day: CLEARHUB_RECON_CUTOFF, CLEARHUB_RECON_TIME_ZONE)",
    );

  addStoreOptions(
    recon
      .command("export")
      .description(
        "write a participant's statement of a business day, streamed: CSV, or ISO 20022 camt.053.001.08 of one currency",
      )
      .requiredOption("--participant <id>", "the participant")
      .requiredOption("--day <YYYY-MM-DD>", "the business day")
      .addOption(
        new Option("--format <format>", "the statement's format")
          .choices(statementFormats)
          .default("csv"),
      )
      .option("--currency <code>", "the currency (camt053: required; csv: every currency)")
      .option("--out <file>", "write here instead of standard output"),
  ).action(
    async (
      options: StoreOptions & {
        participant: string;
        day: string;
        format: StatementFormat;
        currency?: string;
        out?: string;
      },
    ) => {
      await withReconciliation(options, async (service) => {
        const bar = progressBar(options, "statement {value} rows | {duration_formatted}");
        bar?.start(0, 0);
        let rows = 0;
        const document = await service.statementDocument(
          options.participant,
          options.day,
          options.format,
          options.currency?.toUpperCase(),
          (counted) => {
            rows = counted;
            bar?.update(rows);
          },
        );
        if (!document.ok) {
          bar?.stop();
          refused(document);
        }
        const out = options.out === undefined ? process.stdout : createWriteStream(options.out);
        try {
          await pipeline(document.value, out, { end: options.out !== undefined });
        } finally {
          bar?.stop();
        }
        if (options.json === true && options.out !== undefined) {
          process.stdout.write(
            `${JSON.stringify({ participant: options.participant, day: options.day, format: options.format, rows, file: options.out })}\n`,
          );
        }
      });
    },
  );

  addStoreOptions(
    recon
      .command("match")
      .description(
        "settle the day's unknown operations by status inquiry, then match a participant's CSV record of the business day against the hub's; malformed rows refuse it whole",
      )
      .argument("<file>", "the participant's record, CSV with the statement's header")
      .requiredOption("--participant <id>", "the participant")
      .requiredOption("--day <YYYY-MM-DD>", "the business day")
      .option(
        "--inquiry-limit <n>",
        `ask banks and billers about at most n unknown operations first (1-${unknownInquiriesPerMatchMax})`,
        integer(1, unknownInquiriesPerMatchMax),
        unknownInquiriesPerMatchMax,
      ),
  ).action(
    async (
      file: string,
      options: StoreOptions & { participant: string; day: string; inquiryLimit: number },
    ) => {
      const size = (await stat(file).catch(() => undefined))?.size;
      if (size === undefined) throw new CliError(`no file at ${file}`);
      await withReconcilingHub(options, async (service) => {
        const inquiryBar = progressBar(
          options,
          "status inquiry {bar} {value}/{total} unknown operations | {duration_formatted}",
        );
        const recordBar = progressBar(
          options,
          "record {bar} {percentage}% | {rows} rows | {duration_formatted}",
        );
        let read = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            if (read === 0) recordBar?.start(size, 0, { rows: 0 });
            read += chunk.length;
            recordBar?.update(read);
            done(null, chunk);
          },
        });
        const source = createReadStream(file).pipe(counter);
        const matched = await service
          .match(options.participant, options.day, source, "operator:cli", {
            inquiryLimit: options.inquiryLimit,
            onInquiry: (done, total) => {
              if (total === 0) return;
              if (done === 0) inquiryBar?.start(total, 0);
              inquiryBar?.update(done);
              if (done === total) inquiryBar?.stop();
            },
            onRows: (rows) => recordBar?.update(read, { rows }),
          })
          .finally(() => {
            inquiryBar?.stop();
            recordBar?.stop();
          });
        if (!matched.ok) refused(matched);
        const summary = matchSummaryView(matched.value);
        process.stdout.write(
          options.json === true ? `${JSON.stringify(summary)}\n` : matchReport(summary),
        );
      });
    },
  );

  addStoreOptions(
    recon
      .command("breaks")
      .description("list reconciliation breaks, by id")
      .option("--participant <id>", "only this participant's")
      .option("--day <YYYY-MM-DD>", "only this business day's")
      .addOption(new Option("--state <state>", "only breaks in this state").choices(breakStates))
      .option("--limit <n>", `at most n (1-${breakPageSizeMax})`, "100"),
  ).action(
    async (
      options: StoreOptions & {
        participant?: string;
        day?: string;
        state?: (typeof breakStates)[number];
        limit: string;
      },
    ) => {
      const limit = Math.min(Math.max(Number(options.limit) || 100, 1), breakPageSizeMax);
      await withReconciliation(options, async (service) => {
        const items = (
          await service.listBreaks({
            participantId: options.participant,
            day: options.day,
            state: options.state,
            limit,
          })
        ).map(breakView);
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify({ items })}\n`);
          return;
        }
        for (const item of items) {
          process.stdout.write(
            `${item.id}  ${item.state.padEnd(11)} ${item.kind.padEnd(22)} ${item.hubTransactionId ?? item.participantReference ?? ""}  hub ${item.hubAmount ?? "-"} ${item.hubStatus ?? "-"}  participant ${item.participantAmount ?? "-"} ${item.participantStatus ?? "-"}\n`,
          );
        }
      });
    },
  );

  addStoreOptions(
    recon
      .command("resolve")
      .description(
        "resolve a break once: accept the hub's record, reverse its transfer, or write it off",
      )
      .argument("<break>", "the break's id")
      .option("--accept", "the participant accepts the hub's record")
      .option("--reverse", "post a transfer reversing the hub's")
      .option("--write-off <reason>", "write the break off, for this reason"),
  ).action(
    async (
      breakId: string,
      options: StoreOptions & { accept?: boolean; reverse?: boolean; writeOff?: string },
    ) => {
      const chosen: BreakResolution[] = [
        ...(options.accept === true ? [{ kind: "accept" } as const] : []),
        ...(options.reverse === true ? [{ kind: "reverse" } as const] : []),
        ...(options.writeOff === undefined
          ? []
          : [{ kind: "write_off", reason: options.writeOff } as const]),
      ];
      const [resolution] = chosen;
      if (chosen.length !== 1 || resolution === undefined) {
        throw new CliError("name exactly one of --accept, --reverse, --write-off REASON");
      }
      await withReconciliation(options, async (service) => {
        const resolved = await service.resolve(breakId, resolution, commandLineActor);
        if (!resolved.ok) refused(resolved);
        const view = breakView(resolved.value);
        process.stdout.write(
          options.json === true
            ? `${JSON.stringify(view)}\n`
            : `${view.id} ${view.state}${view.reversalTransferId === null ? "" : ` by transfer ${view.reversalTransferId}`}\n`,
        );
      });
    },
  );
}
