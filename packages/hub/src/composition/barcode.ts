import type { Database } from "../adapters/store/database.ts";
import { KyselyBankCallLog } from "../adapters/store/kysely-bank-call-log.ts";
import { KyselyBarcodePaymentStore } from "../adapters/store/kysely-barcode-payment-store.ts";
import { KyselyBarcodeRefundStore } from "../adapters/store/kysely-barcode-refund-store.ts";
import { KyselyCodePrefixStore } from "../adapters/store/kysely-code-prefix-store.ts";
import { KyselyMerchantStore } from "../adapters/store/kysely-merchant-store.ts";
import { KyselyNoticeLog } from "../adapters/store/kysely-notice-log.ts";
import type { BankEndpointRouter } from "../app/banks/bank-endpoint-router.ts";
import {
  BarcodeRefundRunner,
  type BarcodeRefundTimings,
  barcodeRefundTimingsDefaults,
} from "../app/barcode/barcode-refund-kind.ts";
import { BarcodeRefundService } from "../app/barcode/barcode-refund-service.ts";
import {
  CodePaymentKind,
  type CodePaymentTimings,
  codePaymentTimingsDefaults,
} from "../app/barcode/code-payment-kind.ts";
import { CodePaymentService } from "../app/barcode/code-payment-service.ts";
import { QrPaymentService } from "../app/barcode/qr-payment-service.ts";
import type { BarcodeLimitService } from "../app/barcode-limits/barcode-limit-service.ts";
import { OperationRunner } from "../app/calls/operation-runner.ts";
import { primaryEndpointOf } from "../app/calls/primary-endpoint.ts";
import { type InquiredKind, inquiredKind, onOwnClock } from "../app/calls/status-inquiry.ts";
import { CodePrefixTable } from "../app/code-prefixes/code-prefix-table.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import { MerchantDirectory } from "../app/merchants/merchant-directory.ts";
import { PositionAccounts } from "../app/participants/position-accounts.ts";
import type { EndpointGuard } from "../app/ports/endpoint-guard.ts";
import type { FieldSealer } from "../app/ports/field-sealer.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";
import type { WalletConnector } from "../app/ports/wallet-connector.ts";
import { isBarcodePaymentSettled } from "../domain/barcode/barcode-payment.ts";
import { isBarcodeRefundSettled } from "../domain/barcode/barcode-refund.ts";
import { clearhubGloballyUniqueId } from "../domain/barcode/merchant-presented-code.ts";

export interface BarcodeParts {
  /** Acquirers' merchants, and the lookup payers make before paying one. */
  readonly merchants: MerchantDirectory;
  /** The code-prefix routing table of consumer-presented codes and prepaid cards. */
  readonly codePrefixes: CodePrefixTable;
  /** Merchant-presented payments: the codes payers' apps scanned. */
  readonly qrPayments: QrPaymentService;
  /** Consumer-presented payments: codes and cards acquirers read, authorised by issuers. */
  readonly codePayments: CodePaymentService;
  /** Acquirers' refunds of barcode payments, both modes. */
  readonly barcodeRefunds: BarcodeRefundService;
}

export interface BarcodeDependencies {
  readonly database: Database;
  readonly participants: ParticipantStore;
  readonly ledger: GroupCommit;
  readonly limits: BarcodeLimitService;
  /** The issuers' wallet interface, their endpoints' router and the guard before them. */
  readonly wallet: WalletConnector;
  readonly router: BankEndpointRouter;
  readonly guard: EndpointGuard;
  readonly sealer: FieldSealer;
  readonly timings?: Partial<CodePaymentTimings> | undefined;
  readonly refundTimings?: Partial<BarcodeRefundTimings> | undefined;
  /** The hub's identifier in merchant account templates; clearhub's own by default. */
  readonly globallyUniqueId?: string | undefined;
  /** Dynamic codes' expiry, the limits' day and code payments' take-ups are judged by it. */
  readonly clock?: (() => number) | undefined;
}

/**
 * The directory, the routing table and the barcode payments and refunds that stand on them.
 * Code payments and refunds run on the one operation runner with the endpoint guard banks and
 * billers use, and their kinds are handed to the hub's one status-inquiry job.
 */
export function composeBarcode(deps: BarcodeDependencies): {
  parts: BarcodeParts;
  inquired: readonly InquiredKind[];
} {
  const { database, participants } = deps;
  const clock = deps.clock ?? Date.now;
  const merchants = new MerchantDirectory(new KyselyMerchantStore(database.kysely), participants);
  const codePrefixes = new CodePrefixTable(
    new KyselyCodePrefixStore(database.kysely, database.dialect),
    participants,
  );
  const payments = new KyselyBarcodePaymentStore(database.kysely, database.dialect);
  const refundStore = new KyselyBarcodeRefundStore(database.kysely, database.dialect);
  const positions = new PositionAccounts(participants);
  const endpointFor = primaryEndpointOf(deps.router, "payment_institution");
  const callLog = new KyselyBankCallLog(database.kysely);
  const kind = new CodePaymentKind({
    store: payments,
    wallet: deps.wallet,
    endpointFor,
    positions,
    ledger: deps.ledger,
    limits: deps.limits,
    timings: { ...codePaymentTimingsDefaults, ...deps.timings },
  });
  const paymentRunner = new OperationRunner(kind, deps.guard, callLog, clock);
  const refundTimings = { ...barcodeRefundTimingsDefaults, ...deps.refundTimings };
  const refundRunner = new BarcodeRefundRunner(
    {
      store: refundStore,
      positions,
      ledger: deps.ledger,
      wallet: deps.wallet,
      endpointFor,
      timings: refundTimings,
    },
    deps.guard,
    callLog,
    clock,
  );
  const parts: BarcodeParts = {
    merchants,
    codePrefixes,
    qrPayments: new QrPaymentService({
      store: payments,
      globallyUniqueId: deps.globallyUniqueId ?? clearhubGloballyUniqueId,
      merchants,
      limits: deps.limits,
      positions,
      ledger: deps.ledger,
      clock,
    }),
    codePayments: new CodePaymentService({
      store: payments,
      runner: paymentRunner,
      kind,
      merchants,
      prefixes: codePrefixes,
      participants,
      positions,
      ledger: deps.ledger,
      sealer: deps.sealer,
      notices: new KyselyNoticeLog(database.kysely),
      clock,
    }),
    barcodeRefunds: new BarcodeRefundService({
      store: refundStore,
      payments,
      ledger: deps.ledger,
      runner: refundRunner,
      timings: refundTimings,
      clock,
    }),
  };
  // Due operations are judged by the clock their times were written by, whatever the job's.
  const inquired = [
    inquiredKind("barcode_payment", payments, paymentRunner, (payment) =>
      isBarcodePaymentSettled(payment.state),
    ),
    inquiredKind("barcode_refund", refundStore, refundRunner, (refund) =>
      isBarcodeRefundSettled(refund.state),
    ),
  ].map((inquiredOne) => onOwnClock(inquiredOne, clock));
  return { parts, inquired };
}
