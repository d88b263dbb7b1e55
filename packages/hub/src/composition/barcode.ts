import type { Database } from "../adapters/store/database.ts";
import { KyselyCodePrefixStore } from "../adapters/store/kysely-code-prefix-store.ts";
import { KyselyMerchantStore } from "../adapters/store/kysely-merchant-store.ts";
import { CodePrefixTable } from "../app/code-prefixes/code-prefix-table.ts";
import { MerchantDirectory } from "../app/merchants/merchant-directory.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";

export interface BarcodeParts {
  /** Acquirers' merchants, and the lookup payers make before paying one. */
  readonly merchants: MerchantDirectory;
  /** The code-prefix routing table of consumer-presented codes and prepaid cards. */
  readonly codePrefixes: CodePrefixTable;
}

/** The directory and the routing table barcode and QR payments stand on. */
export function composeBarcode(
  database: Database,
  participantStore: ParticipantStore,
): BarcodeParts {
  return {
    merchants: new MerchantDirectory(new KyselyMerchantStore(database.kysely), participantStore),
    codePrefixes: new CodePrefixTable(
      new KyselyCodePrefixStore(database.kysely, database.dialect),
      participantStore,
    ),
  };
}
