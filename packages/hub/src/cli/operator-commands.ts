import { type Command, InvalidArgumentError } from "commander";
import { ScryptPasswordHasher } from "../adapters/crypto/scrypt-password-hasher.ts";
import { migrateToLatest } from "../adapters/store/database.ts";
import { KyselyOperatorStore } from "../adapters/store/kysely-operator-store.ts";
import { problemCatalogue } from "../api/problem-catalogue.ts";
import { OperatorAccountService } from "../app/operators/operator-account-service.ts";
import { OperatorTokenService } from "../app/operators/operator-token-service.ts";
import { commandLineActor } from "../domain/audit/audit-actor.ts";
import {
  isOperatorRole,
  type OperatorRole,
  operatorRoles,
} from "../domain/operators/operator-role.ts";
import { environment, stderr, stdout } from "./command-line.ts";
import { openExistingStore } from "./existing-store.ts";

/** The operator accounts and tokens of a store opened by a command, with the schema brought up to date. */
async function withOperators<T>(
  options: { databaseUrl?: string; dataDir: string },
  use: (operators: {
    operatorStore: KyselyOperatorStore;
    operatorAccounts: OperatorAccountService;
    operatorTokens: OperatorTokenService;
  }) => Promise<T>,
): Promise<T> {
  const database = await openExistingStore(options);
  try {
    await migrateToLatest(database);
    const operatorStore = new KyselyOperatorStore(database.kysely, database.dialect);
    const operatorAccounts = new OperatorAccountService(operatorStore, new ScryptPasswordHasher());
    const operatorTokens = new OperatorTokenService(operatorStore, operatorAccounts);
    return await use({ operatorStore, operatorAccounts, operatorTokens });
  } finally {
    await database.close();
  }
}

function role(text: string): OperatorRole {
  if (!isOperatorRole(text)) throw new InvalidArgumentError(`expected ${operatorRoles.join(", ")}`);
  return text;
}

const roleDescription = `${operatorRoles.join(", ")}`;

/** The password piped to the command, without the line break a shell's echo adds. */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** `clearhub token create` and `clearhub operator create`: who may use the operator API and console. */
export function addOperatorCommands(program: Command): void {
  program
    .command("token")
    .description("operator API tokens")
    .command("create")
    .description(
      "issue an operator API token bound to an operator account and a role; it is printed once and only its hash is stored",
    )
    .requiredOption("--name <name>", "who or what the token is for")
    .option(
      "--account <name>",
      "the operator account it acts for, created without a password if absent (default: the token's name)",
    )
    .option(`--role <role>`, `${roleDescription}; never more than the account's`, role, "admin")
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
      environment.databaseUrl,
    )
    .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
    .action(
      async (options: {
        name: string;
        account?: string;
        role: OperatorRole;
        databaseUrl?: string;
        dataDir: string;
      }) => {
        await withOperators(options, async ({ operatorTokens }) => {
          const issued = await operatorTokens.issue(options.name, commandLineActor, {
            accountName: options.account,
            role: options.role,
          });
          stdout(issued.token);
          stderr(
            `token ${issued.id} "${issued.name}" issued for operator "${options.account ?? options.name}" as ${issued.role}; it is not shown again`,
          );
        });
      },
    );

  program
    .command("operator")
    .description("operator accounts: people who log in to the console")
    .command("create")
    .description(
      "create an operator account; prints a generated password once (only its scrypt hash is stored)",
    )
    .requiredOption("--name <name>", "the name the operator logs in with")
    .requiredOption("--role <role>", roleDescription, role)
    .option("--password-stdin", "read the password from standard input instead of generating one")
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
      environment.databaseUrl,
    )
    .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
    .action(
      async (options: {
        name: string;
        role: OperatorRole;
        passwordStdin?: boolean;
        databaseUrl?: string;
        dataDir: string;
      }) => {
        const password = options.passwordStdin === true ? await readPasswordFromStdin() : undefined;
        await withOperators(options, async ({ operatorAccounts }) => {
          const created = await operatorAccounts.create(
            { name: options.name, role: options.role, password },
            commandLineActor,
          );
          if (!created.ok) {
            stderr(
              `clearhub: operator not created: ${problemCatalogue[created.code].title} (${created.code})`,
            );
            process.exitCode = 1;
            return;
          }
          const { account } = created.value;
          if (password === undefined) stdout(created.value.password);
          stderr(
            `operator ${account.id} "${account.name}" created as ${account.role}${password === undefined ? "; the password above is not shown again" : ""}`,
          );
        });
      },
    );
}
