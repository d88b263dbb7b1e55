import type { AgreementService } from "../app/agreements/agreement-service.ts";
import type { ApprovalService } from "../app/approvals/approval-service.ts";
import type { AuditLogService } from "../app/audit/audit-log-service.ts";
import type { AgreementPlacementService } from "../app/banks/agreement-placement-service.ts";
import type { BankEndpointRouter } from "../app/banks/bank-endpoint-router.ts";
import type { BankEndpointService } from "../app/banks/bank-endpoint-service.ts";
import type { EndpointMigrationService } from "../app/banks/endpoint-migration-service.ts";
import type { CodePaymentService } from "../app/barcode/code-payment-service.ts";
import type { QrPaymentService } from "../app/barcode/qr-payment-service.ts";
import type { BarcodeLimitService } from "../app/barcode-limits/barcode-limit-service.ts";
import type { BillPaymentService } from "../app/bill-payments/bill-payment-service.ts";
import type { BillReversalNotices } from "../app/bill-payments/bill-reversal-notices.ts";
import type { BillInquiryService } from "../app/billers/bill-inquiry-service.ts";
import type { BillNoticeService } from "../app/billers/bill-notice-service.ts";
import type { BillSubscriptionService } from "../app/billers/bill-subscription-service.ts";
import type { BillerAdmissionGate } from "../app/billers/biller-admission-gate.ts";
import type { BillerRegistry } from "../app/billers/biller-registry.ts";
import type { CachedBills } from "../app/billers/cached-bills.ts";
import type { ChannelSuspensionService } from "../app/channels/channel-suspension-service.ts";
import type { CodePrefixTable } from "../app/code-prefixes/code-prefix-table.ts";
import type { FeeScheduleService } from "../app/fees/fee-schedule-service.ts";
import type { LedgerReader } from "../app/ledger/ledger-reader.ts";
import type { OperatorTransferService } from "../app/ledger/operator-transfer-service.ts";
import type { MerchantDirectory } from "../app/merchants/merchant-directory.ts";
import type { WebhookDeliveryService } from "../app/notifications/webhook-delivery-service.ts";
import type { WebhookEndpointService } from "../app/notifications/webhook-endpoint-service.ts";
import type { RequestMetrics } from "../app/observability/request-metrics.ts";
import type { BankOperationOversight } from "../app/operator/bank-operation-oversight.ts";
import type { NetworkOverviewService } from "../app/operator/network-overview.ts";
import type { PaymentTraceService } from "../app/operator/payment-trace.ts";
import type { TransferSearchService } from "../app/operator/transfer-search.ts";
import type { OperatorAccountService } from "../app/operators/operator-account-service.ts";
import type { OperatorSessionService } from "../app/operators/operator-session-service.ts";
import type { OperatorTokenService } from "../app/operators/operator-token-service.ts";
import type { FundsService } from "../app/participants/funds-service.ts";
import type { HubPublicKey } from "../app/participants/hub-public-key.ts";
import type { ParticipantKeyService } from "../app/participants/participant-key-service.ts";
import type { ParticipantService } from "../app/participants/participant-service.ts";
import type { SignerCache } from "../app/participants/signer-cache.ts";
import type { AgreementPaymentService } from "../app/payments/agreement-payment-service.ts";
import type { BankOperationLookup } from "../app/payments/bank-operation-lookup.ts";
import type { BankOperationNotices } from "../app/payments/bank-operation-notices.ts";
import type { PayoutService } from "../app/payments/payout-service.ts";
import type { RefundService } from "../app/payments/refund-service.ts";
import type { ReconciliationService } from "../app/reconciliation/reconciliation-service.ts";
import type { SettlementFiles } from "../app/settlement/settlement-files.ts";
import type { SettlementService } from "../app/settlement/settlement-service.ts";
import type { ParticipantTransferService } from "../app/transfers/participant-transfer-service.ts";
import type { NonceMemory } from "./participant/participant-auth.ts";

/**
 * What the HTTP layer is given: use-cases and the few app-level interfaces it serves from
 * (metrics, the hub's public key, signature checks), never a store or an adapter. A route
 * reads and writes through these only, so the rules the use-cases keep (idempotency, audit,
 * limits) cannot be skipped. The composition root's hub is one.
 */
export interface ApiServices {
  // Participants and their keys.
  readonly participants: ParticipantService;
  /** Settlement funds' deposits and withdrawals, and the caps that follow the reserve. */
  readonly funds: FundsService;
  readonly participantKeys: ParticipantKeyService;
  /** Where signature checks find a participant's key. */
  readonly signers: Pick<SignerCache, "findSigner">;
  /** Where signature checks remember nonces, shared by every hub node. */
  readonly nonces: NonceMemory;
  // The ledger.
  readonly participantTransfers: ParticipantTransferService;
  readonly operatorTransfers: OperatorTransferService;
  readonly ledgerReader: LedgerReader;
  readonly feeSchedules: FeeScheduleService;
  /** PBOC barcode-payment limits per payer customer and day. */
  readonly barcodeLimits: BarcodeLimitService;
  // Banks, agreements and payments.
  readonly bankEndpoints: BankEndpointService;
  readonly bankEndpointRouter: BankEndpointRouter;
  readonly endpointMigrations: EndpointMigrationService;
  readonly agreements: AgreementService;
  readonly agreementPlacement: AgreementPlacementService;
  readonly agreementPayments: AgreementPaymentService;
  readonly payouts: PayoutService;
  readonly refunds: RefundService;
  readonly bankOperations: BankOperationNotices;
  readonly bankOperationLookup: BankOperationLookup;
  // Billers.
  readonly billers: BillerRegistry;
  readonly billerEndpoints: BankEndpointService;
  /** Issuers' (wallets', prepaid card systems') endpoints, in the same registry. */
  readonly issuerEndpoints: BankEndpointService;
  readonly billerAdmission: BillerAdmissionGate<CachedBills>;
  readonly billInquiries: BillInquiryService;
  readonly billPayments: BillPaymentService;
  readonly billReversalNotices: BillReversalNotices;
  readonly billSubscriptions: BillSubscriptionService;
  readonly billNotices: BillNoticeService;
  // Merchants and the code-prefix routing table.
  readonly merchants: MerchantDirectory;
  readonly qrPayments: QrPaymentService;
  readonly codePayments: CodePaymentService;
  readonly codePrefixes: CodePrefixTable;
  // Channels.
  readonly channelSuspensions: ChannelSuspensionService;
  // Settlement.
  readonly settlement: SettlementService;
  readonly settlementFiles: SettlementFiles;
  // Webhooks.
  readonly webhookEndpoints: WebhookEndpointService;
  readonly webhookDeliveries: WebhookDeliveryService;
  readonly hubPublicKey: HubPublicKey;
  // The operator's views, accounts and approvals.
  readonly networkOverview: NetworkOverviewService;
  readonly transferSearch: TransferSearchService;
  readonly paymentTraces: PaymentTraceService;
  readonly bankOperationOversight: BankOperationOversight;
  readonly operatorAccounts: OperatorAccountService;
  readonly operatorSessions: OperatorSessionService;
  readonly operatorTokens: OperatorTokenService;
  readonly approvals: ApprovalService;
  readonly auditLog: AuditLogService;
  // Reconciliation.
  readonly reconciliation: ReconciliationService;
  // Operations.
  readonly metrics: RequestMetrics;
}
