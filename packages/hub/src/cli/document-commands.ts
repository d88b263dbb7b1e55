import {
  bankInterfaceDocument,
  billerInterfaceDocument,
  walletInterfaceDocument,
} from "@clearhub/wire";
import type { Command } from "commander";
import { generateDataKeyEntry } from "../adapters/crypto/data-key-entry.ts";
import { stderr, stdout } from "./command-line.ts";
import { openapiDocumentText } from "./openapi-document-text.ts";

/** `clearhub keys generate-data-key`: a new key for the ring sealing sensitive numbers. */
export function addKeyCommands(program: Command): void {
  program
    .command("keys")
    .description("the hub's own keys")
    .command("generate-data-key")
    .description("print a new key for CLEARHUB_DATA_KEYS, which seals card, account and ID numbers")
    .action(() => {
      const generated = generateDataKeyEntry(new Date());
      stdout(generated.entry);
      stderr(
        `data key ${generated.keyId}: put it first in CLEARHUB_DATA_KEYS on every node, the older keys after it`,
      );
    });
}

/**
 * `clearhub openapi`, `clearhub bank-interface-spec`, `clearhub biller-interface-spec` and
 * `clearhub wallet-interface-spec`: the published documents; no database.
 */
export function addDocumentCommands(program: Command): void {
  program
    .command("openapi")
    .description(
      "print the OpenAPI 3.1 document of the operator and participant APIs, webhooks included; needs no database",
    )
    .action(async () => {
      process.stdout.write(await openapiDocumentText());
    });

  program
    .command("bank-interface-spec")
    .description(
      "print the bank interface (OpenAPI 3.1 JSON): what a bank implements to connect to the hub",
    )
    .action(() => {
      stdout(JSON.stringify(bankInterfaceDocument(), null, 2));
    });

  program
    .command("biller-interface-spec")
    .description(
      "print the biller interface (OpenAPI 3.1 JSON): what a biller implements to connect to the hub",
    )
    .action(() => {
      stdout(JSON.stringify(billerInterfaceDocument(), null, 2));
    });

  program
    .command("wallet-interface-spec")
    .description(
      "print the wallet interface (OpenAPI 3.1 JSON): what a wallet or prepaid card issuer implements to connect to the hub",
    )
    .action(() => {
      stdout(JSON.stringify(walletInterfaceDocument(), null, 2));
    });
}
