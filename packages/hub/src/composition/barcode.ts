import type { Database } from "../adapters/store/database.ts";
import { KyselyBarcodePaymentStore } from "../adapters/store/kysely-barcode-payment-store.ts";
import { KyselyCodePrefixStore } from "../adapters/store/kysely-code-prefix-store.ts";
import { KyselyMerchantStore } from "../adapters/store/kysely-merchant-store.ts";
import { QrPaymentService } from "../app/barcode/qr-payment-service.ts";
import type { BarcodeLimitService } from "../app/barcode-limits/barcode-limit-service.ts";
import { CodePrefixTable } from "../app/code-prefixes/code-prefix-table.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import { MerchantDirectory } from "../app/merchants/merchant-directory.ts";
import { PositionAccounts } from "../app/participants/position-accounts.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";
import { clearhubGloballyUniqueId } from "../domain/barcode/merchant-presented-code.ts";

export interface BarcodeParts {
  /** Acquirers' merchants, and the lookup payers make before paying one. */
  readonly merchants: MerchantDirectory;
  /** The code-prefix routing table of consumer-presented codes and prepaid cards. */
  readonly codePrefixes: CodePrefixTable;
  /** Merchant-presented payments: the codes payers' apps scanned. */
  readonly qrPayments: QrPaymentService;
}

export interface BarcodeDependencies {
  readonly database: Database;
  readonly participants: ParticipantStore;
  readonly ledger: GroupCommit;
  readonly limits: BarcodeLimitService;
  /** The hub's identifier in merchant account templates; clearhub's own by default. */
  readonly globallyUniqueId?: string | undefined;
  /** Dynamic codes' expiry and the limits' day are judged by it. */
  readonly clock?: (() => number) | undefined;
}

/** The directory, the routing table and the barcode payments that stand on them. */
export function composeBarcode(deps: BarcodeDependencies): BarcodeParts {
  const { database, participants } = deps;
  const merchants = new MerchantDirectory(new KyselyMerchantStore(database.kysely), participants);
  return {
    merchants,
    codePrefixes: new CodePrefixTable(
      new KyselyCodePrefixStore(database.kysely, database.dialect),
      participants,
    ),
    qrPayments: new QrPaymentService({
      store: new KyselyBarcodePaymentStore(database.kysely, database.dialect),
      globallyUniqueId: deps.globallyUniqueId ?? clearhubGloballyUniqueId,
      merchants,
      limits: deps.limits,
      positions: new PositionAccounts(participants),
      ledger: deps.ledger,
      clock: deps.clock ?? Date.now,
    }),
  };
}
