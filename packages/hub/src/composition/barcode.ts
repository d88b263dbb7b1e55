import type { Database } from "../adapters/store/database.ts";
import { KyselyBankCallLog } from "../adapters/store/kysely-bank-call-log.ts";
import { KyselyBarcodePaymentStore } from "../adapters/store/kysely-barcode-payment-store.ts";
import { KyselyBarcodeRefundStore } from "../adapters/store/kysely-barcode-refund-store.ts";
import { KyselyCodePrefixStore } from "../adapters/store/kysely-code-prefix-store.ts";
import { KyselyMerchantStore } from "../adapters/store/kysely-merchant-store.ts";
import type { BankEndpointRouter } from "../app/banks/bank-endpoint-router.ts";
import {
  BarcodeRefundRunner,
  type BarcodeRefundTimings,
  barcodeRefundTimingsDefaults,
} from "../app/barcode/barcode-refund-kind.ts";
import { BarcodeRefundService } from "../app/barcode/barcode-refund-service.ts";
import { QrPaymentService } from "../app/barcode/qr-payment-service.ts";
import type { BarcodeLimitService } from "../app/barcode-limits/barcode-limit-service.ts";
import { primaryEndpointOf } from "../app/calls/primary-endpoint.ts";
import { type InquiredKind, inquiredKind } from "../app/calls/status-inquiry.ts";
import { CodePrefixTable } from "../app/code-prefixes/code-prefix-table.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import { MerchantDirectory } from "../app/merchants/merchant-directory.ts";
import { PositionAccounts } from "../app/participants/position-accounts.ts";
import type { EndpointGuard } from "../app/ports/endpoint-guard.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";
import type { WalletConnector } from "../app/ports/wallet-connector.ts";
import { isBarcodeRefundSettled } from "../domain/barcode/barcode-refund.ts";
import { clearhubGloballyUniqueId } from "../domain/barcode/merchant-presented-code.ts";

export interface BarcodeParts {
  /** Acquirers' merchants, and the lookup payers make before paying one. */
  readonly merchants: MerchantDirectory;
  /** The code-prefix routing table of consumer-presented codes and prepaid cards. */
  readonly codePrefixes: CodePrefixTable;
  /** Merchant-presented payments: the codes payers' apps scanned. */
  readonly qrPayments: QrPaymentService;
  /** Acquirers' refunds of barcode payments, both modes. */
  readonly barcodeRefunds: BarcodeRefundService;
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
  /** The issuers' wallet interface, their endpoints' router and the guard before them. */
  readonly wallet: Pick<WalletConnector, "refund" | "inquireRefund">;
  readonly router: BankEndpointRouter;
  readonly guard: EndpointGuard;
  readonly refundTimings?: Partial<BarcodeRefundTimings> | undefined;
}

/**
 * The directory, the routing table and the barcode payments that stand on them, with the
 * refunds' kind handed to the hub's one status-inquiry job.
 */
export function composeBarcode(deps: BarcodeDependencies): {
  parts: BarcodeParts;
  inquired: InquiredKind;
} {
  const { database, participants } = deps;
  const clock = deps.clock ?? Date.now;
  const merchants = new MerchantDirectory(new KyselyMerchantStore(database.kysely), participants);
  const positions = new PositionAccounts(participants);
  const payments = new KyselyBarcodePaymentStore(database.kysely, database.dialect);
  const refundStore = new KyselyBarcodeRefundStore(database.kysely, database.dialect);
  const timings = { ...barcodeRefundTimingsDefaults, ...deps.refundTimings };
  const refundRunner = new BarcodeRefundRunner(
    {
      store: refundStore,
      positions,
      ledger: deps.ledger,
      wallet: deps.wallet,
      endpointFor: primaryEndpointOf(deps.router, "payment_institution"),
      timings,
    },
    deps.guard,
    new KyselyBankCallLog(database.kysely),
    clock,
  );
  return {
    parts: {
      merchants,
      codePrefixes: new CodePrefixTable(
        new KyselyCodePrefixStore(database.kysely, database.dialect),
        participants,
      ),
      qrPayments: new QrPaymentService({
        store: payments,
        globallyUniqueId: deps.globallyUniqueId ?? clearhubGloballyUniqueId,
        merchants,
        limits: deps.limits,
        positions,
        ledger: deps.ledger,
        clock,
      }),
      barcodeRefunds: new BarcodeRefundService({
        store: refundStore,
        payments,
        ledger: deps.ledger,
        runner: refundRunner,
        timings,
        clock,
      }),
    },
    inquired: onOwnClock(
      inquiredKind("barcode_refund", refundStore, refundRunner, (refund) =>
        isBarcodeRefundSettled(refund.state),
      ),
      clock,
    ),
  };
}

/** Due refunds are judged by the clock their times were written by, whatever the job's. */
function onOwnClock(kind: InquiredKind, clock: () => number): InquiredKind {
  return { ...kind, claimDue: (_now, limit, leaseMs) => kind.claimDue(clock(), limit, leaseMs) };
}
