/** The human tables the benchmarks print without `--json`: a label column, then the figures. */
import type { BillPaymentsBenchResult } from "./bench-bill-payments.ts";
import type { PaymentsBenchResult } from "./bench-payments.ts";
import type { QrBenchResult } from "./bench-qr.ts";
import type { SlicedFigures } from "./bench-slices.ts";

const labelWidth = 22;

/** One line of a table: the label padded to the column, then the text. */
export function row(label: string, text: string): string {
  return `${label.padEnd(labelWidth - 1)} ${text}`;
}

/** ` (3 × 503 biller_busy, 1 × TypeError)`, or nothing for no counts. */
export function formatCounts(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts);
  return entries.length === 0
    ? ""
    : ` (${entries.map(([code, n]) => `${n} × ${code}`).join(", ")})`;
}

/** The counts without their parentheses, or `none`. */
function listCounts(counts: Readonly<Record<string, number>>, none: string): string {
  return formatCounts(counts).slice(2, -1) || none;
}

/**
 * The rows every end-to-end benchmark prints of its timed phase: the reference, the payments,
 * the states answered, the ratio, CPU per request (`moreCpu` adds a simulator's), the batches.
 */
function slicedRows(result: SlicedFigures, noun: string, moreCpu: string): string[] {
  return [
    row(
      "no-op (POST /v1/ping)",
      `${result.noopRequestsPerSecond} requests/s over ${result.noopSeconds} s, p50 ${result.noopP50Ms} ms, p99 ${result.noopP99Ms} ms, ${result.noopErrors} errors`,
    ),
    row(
      noun,
      `${result.paymentsPerSecond} payments/s over ${result.seconds} s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms, ${result.errors} errors${formatCounts(result.errorsByCode)}`,
    ),
    row("answered", listCounts(result.answeredStates, "nothing")),
    row(`${noun} / no-op`, `${result.ratio} of the no-op rate`),
    row(
      "CPU per request",
      `hub ${result.noopHubCpuMsPerRequest} ms no-op, ${result.hubCpuMsPerPayment} ms payment; driver ${result.noopDriverCpuMsPerRequest} ms no-op, ${result.driverCpuMsPerPayment} ms payment${moreCpu}`,
    ),
    row(
      "ledger batches",
      `${result.ledgerBatches} while paying (mean ${result.meanBatchSize} transfers, mean commit ${result.meanCommitMs} ms)`,
    ),
  ];
}

export function paymentsBenchTable(result: PaymentsBenchResult): string {
  return [
    row("backend", result.backend),
    row(
      "load",
      `${result.concurrency} requests in flight, ${result.agreements} agreements, bank dropping ${result.drop * 100}% of its answers`,
    ),
    ...slicedRows(result, "payments", `; bank ${result.bankCpuMsPerPayment} ms payment`),
    row(
      "settled",
      `${result.unsettledAfterRun} unknown after the run, settled by inquiries in ${result.settleSeconds} s; finally ${listCounts(result.finalStates, "none")}`,
    ),
    row(
      "reconciled",
      `${result.bankDebits} bank debits: ${result.lost} lost, ${result.doubled} doubled`,
    ),
    row(
      "verified",
      result.verified
        ? "yes: the ledger verifies and the institution's position is the sum of its succeeded payments"
        : `NO: ${result.problems.join("; ")}`,
    ),
    "",
  ].join("\n");
}

export function billPaymentsBenchTable(result: BillPaymentsBenchResult): string {
  return [
    row("backend", result.backend),
    row(
      "load",
      `${result.concurrency} requests in flight, ${result.customers} customers, biller dropping ${result.drop * 100}% of its posting answers`,
    ),
    ...slicedRows(
      result,
      "bill payments",
      `; biller ${result.billerCpuMsPerPayment ?? "?"} ms payment`,
    ),
    row(
      "posting lag",
      `p50 ${result.postingLagP50Ms} ms, p99 ${result.postingLagP99Ms} ms, max ${result.postingLagMaxMs} ms from accepted to posted at the biller`,
    ),
    row(
      "settled",
      `${result.unsettledAfterRun} not yet posted after the run, settled in ${result.settleSeconds} s; ${result.takenUp} taken up by status inquiry; finally ${listCounts(result.finalStates, "none")}`,
    ),
    row(
      "reconciled",
      `${result.billerPostings} postings at the biller: ${result.lost} lost, ${result.doubled} doubled`,
    ),
    row(
      "verified",
      result.verified
        ? "yes: the ledger verifies and the biller's position is the sum of its posted payments"
        : `NO: ${result.problems.join("; ")}`,
    ),
    "",
  ].join("\n");
}

export function qrBenchTable(result: QrBenchResult): string {
  return [
    row("backend", result.backend),
    row(
      "load",
      `${result.concurrency} requests in flight, ${result.customers} customers, wallet dropping ${result.drop * 100}% of its answers; load average ${result.loadAverageStart} → ${result.loadAverageEnd}`,
    ),
    "merchant-presented (dynamic codes, no call out of the hub):",
    ...slicedRows(result.mpm, "MPM payments", ""),
    "consumer-presented (routed by prefix to the wallet's interface):",
    ...slicedRows(
      result.cpm,
      "CPM payments",
      `; wallet ${result.walletCpuMsPerPayment ?? "?"} ms payment`,
    ),
    row(
      "settled",
      `${result.unsettledAfterRun} unsettled after the run, settled in ${result.settleSeconds} s; ${result.inquired} settled by status inquiry; finally ${listCounts(result.finalStates, "none")}${formatCounts(result.failureCodes)}`,
    ),
    row(
      "reconciled",
      `${result.walletCharges} charges at the wallet: ${result.lost} lost, ${result.doubled} doubled`,
    ),
    row(
      "verified",
      result.verified
        ? "yes: the ledger verifies and both positions hold exactly the succeeded payments"
        : `NO: ${result.problems.join("; ")}`,
    ),
    "",
  ].join("\n");
}
