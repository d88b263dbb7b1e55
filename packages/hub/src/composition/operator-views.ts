import type { HubMetrics } from "../adapters/metrics/hub-metrics.ts";
import type { Database } from "../adapters/store/database.ts";
import { KyselyBankOperationReadStore } from "../adapters/store/kysely-bank-operation-read-store.ts";
import { KyselyBarcodePaymentReadStore } from "../adapters/store/kysely-barcode-payment-read-store.ts";
import { KyselyNetworkReadStore } from "../adapters/store/kysely-network-read-store.ts";
import { KyselyTraceReadStore } from "../adapters/store/kysely-trace-read-store.ts";
import { KyselyTransferSearchStore } from "../adapters/store/kysely-transfer-search-store.ts";
import { BankOperationOversight } from "../app/operator/bank-operation-oversight.ts";
import { BarcodePaymentOversight } from "../app/operator/barcode-payment-oversight.ts";
import { NetworkOverviewService } from "../app/operator/network-overview.ts";
import { PaymentTraceService } from "../app/operator/payment-trace.ts";
import { TransferSearchService } from "../app/operator/transfer-search.ts";
import type { BankParts } from "./banks.ts";

export interface OperatorViewParts {
  /** Every participant's position, cap, headroom and reserve, for the operator. */
  readonly networkOverview: NetworkOverviewService;
  /** The operator's search over every transfer, with parties and current state. */
  readonly transferSearch: TransferSearchService;
  /** The operator's lists of bank operations, the stuck ones, and inquiries made now. */
  readonly bankOperationOversight: BankOperationOversight;
  /** One payment end to end, found from any id it carries. */
  readonly paymentTraces: PaymentTraceService;
  /** Every institution's barcode payments, and one with its calls and transfers. */
  readonly barcodePaymentOversight: BarcodePaymentOversight;
}

/** What the operator reads across the network; the stuck operations feed the metrics. */
export function composeOperatorViews(
  database: Database,
  metrics: HubMetrics,
  banks: Pick<BankParts, "bankOperationStore" | "bankOperationRunner">,
): OperatorViewParts {
  const oversight = new BankOperationOversight(
    new KyselyBankOperationReadStore(database.kysely),
    banks.bankOperationStore,
    banks.bankOperationRunner,
  );
  metrics.observeStuckOperations(() => oversight.stuckSummary());
  const transferSearchStore = new KyselyTransferSearchStore(database.kysely);
  const traceReads = new KyselyTraceReadStore(database.kysely);
  return {
    networkOverview: new NetworkOverviewService(new KyselyNetworkReadStore(database.kysely)),
    transferSearch: new TransferSearchService(transferSearchStore),
    bankOperationOversight: oversight,
    paymentTraces: new PaymentTraceService(traceReads, transferSearchStore),
    barcodePaymentOversight: new BarcodePaymentOversight(
      new KyselyBarcodePaymentReadStore(database.kysely),
      traceReads,
      transferSearchStore,
    ),
  };
}
