import { Command } from "commander";
import { addBenchCommands } from "./bench-commands.ts";
import { addBillerCommands } from "./biller-commands.ts";
import { CliError } from "./cli-error.ts";
import { environment, stderr, stdout } from "./command-line.ts";
import { addDocumentCommands, addKeyCommands } from "./document-commands.ts";
import { addOperatorCommands } from "./operator-commands.ts";
import { addQrCommands } from "./qr-commands.ts";
import { addReconCommands } from "./recon-commands.ts";
import { addSettlementCommands } from "./settlement-commands.ts";
import { addStartCommand } from "./start-command.ts";
import { addStoreCommands } from "./store-commands.ts";

const program = new Command()
  .name("clearhub")
  .description(
    "clearhub: the clearing and bill-payment hub between payment institutions, banks and billers",
  );

// In this order in the help.
addStartCommand(program);
addOperatorCommands(program);
addStoreCommands(program);
addKeyCommands(program);
addDocumentCommands(program);
addBillerCommands(
  program,
  { databaseUrl: environment.databaseUrl, dataDir: environment.dataDir },
  stdout,
  stderr,
);
addSettlementCommands(program, stdout, stderr);
addQrCommands(program, stdout, stderr);
addReconCommands(program);
addBenchCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  stderr(`clearhub: ${error.message}`);
  process.exitCode = 1;
}
