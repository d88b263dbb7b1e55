import type { VNode } from "preact";
import { AcquirerMerchantsPage } from "./pages/acquirer-merchants-page.tsx";
import { AcquirersPage } from "./pages/acquirers-page.tsx";
import { ApprovalsPage } from "./pages/approvals-page.tsx";
import { AuditLogPage } from "./pages/audit-log-page.tsx";
import { BankPage } from "./pages/bank-page.tsx";
import { BanksPage } from "./pages/banks-page.tsx";
import { BarcodeLimitsPage } from "./pages/barcode-limits-page.tsx";
import { BarcodePaymentPage } from "./pages/barcode-payment-page.tsx";
import { BarcodePaymentsPage } from "./pages/barcode-payments-page.tsx";
import { BillerProtectionPage } from "./pages/biller-protection-page.tsx";
import { CodePrefixesPage } from "./pages/code-prefixes-page.tsx";
import { OverviewPage } from "./pages/overview-page.tsx";
import { ParticipantDetailPage } from "./pages/participant-detail-page.tsx";
import { ParticipantsPage } from "./pages/participants-page.tsx";
import { ReconciliationBreakPage } from "./pages/reconciliation-break-page.tsx";
import { ReconciliationPage } from "./pages/reconciliation-page.tsx";
import { SettlementWindowPage } from "./pages/settlement-window-page.tsx";
import { SettlementWindowsPage } from "./pages/settlement-windows-page.tsx";
import { StuckOperationsPage } from "./pages/stuck-operations-page.tsx";
import { TracePage } from "./pages/trace-page.tsx";
import { TransfersPage } from "./pages/transfers-page.tsx";
import { WebhookDeliveriesPage } from "./pages/webhook-deliveries-page.tsx";
import type { Session } from "./session.ts";

export interface ConsolePage {
  /** A path inside the console; `:name` segments become parameters. */
  readonly path: string;
  readonly title: string;
  /** The navigation's label; pages without one (details) are reached by links. */
  readonly nav?: string;
  render(params: Readonly<Record<string, string>>, session: Session): VNode;
}

/**
 * Every page of the console, in the navigation's order. A new feature adds its pages here, and
 * the navigation, the routing and the page titles follow.
 */
export const consolePages: readonly ConsolePage[] = [
  { path: "/overview", title: "Network overview", nav: "Overview", render: () => <OverviewPage /> },
  {
    path: "/participants",
    title: "Participants",
    nav: "Participants",
    render: (_, session) => <ParticipantsPage role={session.operator.role} />,
  },
  {
    path: "/participants/:participantId",
    title: "Participant",
    render: ({ participantId = "" }, session) => (
      <ParticipantDetailPage participantId={participantId} role={session.operator.role} />
    ),
  },
  { path: "/transfers", title: "Transfers", nav: "Transfers", render: () => <TransfersPage /> },
  { path: "/trace", title: "Trace", nav: "Trace", render: () => <TracePage anyId={undefined} /> },
  { path: "/trace/:anyId", title: "Trace", render: ({ anyId }) => <TracePage anyId={anyId} /> },
  {
    path: "/stuck-operations",
    title: "Stuck operations",
    nav: "Stuck operations",
    render: (_, session) => <StuckOperationsPage role={session.operator.role} />,
  },
  { path: "/banks", title: "Banks", nav: "Banks", render: () => <BanksPage /> },
  {
    path: "/banks/:bankId",
    title: "Bank",
    render: ({ bankId = "" }, session) => <BankPage bankId={bankId} role={session.operator.role} />,
  },
  {
    path: "/settlement",
    title: "Settlement",
    nav: "Settlement",
    render: () => <SettlementWindowsPage />,
  },
  {
    path: "/settlement/:windowId",
    title: "Settlement window",
    render: ({ windowId = "" }, session) => (
      <SettlementWindowPage windowId={windowId} role={session.operator.role} />
    ),
  },
  {
    path: "/reconciliation",
    title: "Reconciliation",
    nav: "Reconciliation",
    render: () => <ReconciliationPage />,
  },
  {
    path: "/reconciliation/:breakId",
    title: "Reconciliation break",
    render: ({ breakId = "" }, session) => (
      <ReconciliationBreakPage breakId={breakId} role={session.operator.role} />
    ),
  },
  {
    path: "/biller-protection",
    title: "Biller protection",
    nav: "Biller protection",
    render: () => <BillerProtectionPage />,
  },
  {
    path: "/barcode-payments",
    title: "Barcode payments",
    nav: "Barcode payments",
    render: () => <BarcodePaymentsPage />,
  },
  {
    path: "/barcode-payments/:paymentId",
    title: "Barcode payment",
    render: ({ paymentId = "" }) => <BarcodePaymentPage paymentId={paymentId} />,
  },
  {
    path: "/merchants",
    title: "Merchants and acquirers",
    nav: "Merchants",
    render: () => <AcquirersPage />,
  },
  {
    path: "/merchants/:acquirerId",
    title: "Merchants",
    render: ({ acquirerId = "" }) => <AcquirerMerchantsPage acquirerId={acquirerId} />,
  },
  {
    path: "/code-prefixes",
    title: "Code prefixes",
    nav: "Code prefixes",
    render: (_, session) => <CodePrefixesPage role={session.operator.role} />,
  },
  {
    path: "/barcode-limits",
    title: "Barcode limits",
    nav: "Barcode limits",
    render: (_, session) => <BarcodeLimitsPage role={session.operator.role} />,
  },
  {
    path: "/webhook-deliveries",
    title: "Webhook deliveries",
    nav: "Webhooks",
    render: (_, session) => <WebhookDeliveriesPage role={session.operator.role} />,
  },
  { path: "/audit-log", title: "Audit log", nav: "Audit log", render: () => <AuditLogPage /> },
  {
    path: "/approvals",
    title: "Approvals",
    nav: "Approvals",
    render: (_, session) => <ApprovalsPage session={session} />,
  },
];

export const homePath = "/overview";
