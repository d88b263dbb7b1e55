/**
 * The options and the printing every `clearhub bench` command shares: the store of the hub it
 * starts, `--json`, and the one result written as JSON or as its table.
 */
import { type Command, Option } from "commander";
import type { BenchBackend } from "./bench-store.ts";
import { defaultPostgresUrl, environment } from "./command-line.ts";

const backends: readonly BenchBackend[] = ["sqlite", "postgres"];

/** `--backend` (the store, `defaultBackend` unless chosen) and `--database-url` for PostgreSQL. */
export function addStoreOptions(
  command: Command,
  defaultBackend: BenchBackend,
  backendHelp = "store of the hub started for the run",
): Command {
  return command
    .addOption(
      new Option("--backend <backend>", backendHelp).choices(backends).default(defaultBackend),
    )
    .option(
      "--database-url <url>",
      "PostgreSQL server for --backend postgres (a temporary schema is used)",
      environment.databaseUrl ?? defaultPostgresUrl,
    );
}

/** `--json`, which `printResult` obeys; the last option of every bench command. */
export function addJsonOption(command: Command): Command {
  return command.option("--json", "print exactly one JSON object");
}

/** Writes the result as one JSON line with `--json`, else as its human table. */
export function printResult<R>(options: { json?: unknown }, result: R, table: (r: R) => string) {
  process.stdout.write(options.json === true ? `${JSON.stringify(result)}\n` : table(result));
}
