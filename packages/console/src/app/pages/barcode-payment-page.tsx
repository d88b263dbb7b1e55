import type { ComponentChildren } from "preact";
import { segment } from "../api-client.ts";
import {
  type BarcodePayment,
  type BarcodePaymentTrace,
  instrumentText,
  type LedgerTransfer,
  type ParticipantCall,
} from "../barcode.ts";
import { Link, pathWithQuery } from "../router.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { Badge, Money, Time } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useResource } from "../ui/use-resource.ts";
import { acquirerPath } from "./acquirers-page.tsx";

function Field({
  name,
  children,
}: {
  readonly name: string;
  readonly children: ComponentChildren;
}) {
  return (
    <div data-field={name}>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const none = <span class="muted">—</span>;

function PaymentSummary({ payment }: { readonly payment: BarcodePayment }) {
  const merchantPayments = pathWithQuery("/barcode-payments", {
    acquirer: payment.acquirerId,
    merchant: payment.merchantId,
  });
  return (
    <dl class="record" data-testid="barcode-payment">
      <Field name="State">
        <Badge value={payment.state} family="barcode" />
      </Field>
      <Field name="Amount">
        <Money amount={payment.amount} currency={payment.currency} />
      </Field>
      <Field name="Refunded">
        <Money amount={payment.refunded} currency={payment.currency} />
      </Field>
      <Field name="Instrument">{instrumentText(payment.instrument)}</Field>
      <Field name="Code or card">{payment.maskedNumber ?? none}</Field>
      <Field name="Issuer">
        <Link href={`/participants/${encodeURIComponent(payment.issuerId)}`}>
          {payment.issuerId}
        </Link>
      </Field>
      <Field name="Acquirer">
        <Link href={acquirerPath(payment.acquirerId)}>{payment.acquirerId}</Link>
      </Field>
      <Field name="Merchant">
        <Link href={merchantPayments}>{payment.merchantId}</Link>
      </Field>
      <Field name="Order reference">{payment.orderReference ?? none}</Field>
      <Field name="Verification level">{payment.verificationLevel ?? none}</Field>
      <Field name="Asked by">
        {payment.initiatorId}
        {payment.id !== null && <span class="muted"> as {payment.id}</span>}
      </Field>
      <Field name="Authorization code">{payment.authorizationCode ?? none}</Field>
      {payment.failure !== null && (
        <Field name="Failure">
          <code>{payment.failure.code}</code> {payment.failure.reason}
        </Field>
      )}
      <Field name="Created">
        <Time at={payment.createdAt} />
      </Field>
      <Field name="Settled">
        <Time at={payment.settledAt} />
      </Field>
    </dl>
  );
}

function CallsTable({ calls }: { readonly calls: readonly ParticipantCall[] }) {
  if (calls.length === 0) {
    return <p class="muted">No call to the issuer: the hub decided this payment itself.</p>;
  }
  return (
    <DataTable
      caption="Calls to the issuer, in the order made"
      columns={[
        "At",
        "Institution",
        "Endpoint",
        "Call",
        "Attempt",
        "Outcome",
        "Detail",
        { label: "Latency (ms)", numeric: true },
      ]}
    >
      {calls.map((call, index) => (
        // Calls have no id of their own; the list is read-only and never reordered.
        <tr key={index} data-call={call.call}>
          <td class="nowrap">
            <Time at={call.at} />
          </td>
          <td>{call.participantId}</td>
          <td class="id">{call.endpointId}</td>
          <td>{call.call}</td>
          <td>{call.attempt}</td>
          <td>
            <code>{call.outcome}</code>
          </td>
          <td>{call.detail ?? none}</td>
          <td class="number">{call.latencyMs}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function TransfersTable({ transfers }: { readonly transfers: readonly LedgerTransfer[] }) {
  if (transfers.length === 0) return <p class="muted">No ledger transfer: no money moved.</p>;
  return (
    <DataTable
      caption="Ledger transfers"
      columns={["Transfer", "Payer", "Payee", { label: "Amount", numeric: true }, "State", "At"]}
    >
      {transfers.map((transfer) => (
        <tr key={transfer.id} data-transfer={transfer.id}>
          <th scope="row" class="id">
            <Link href={`/trace/${encodeURIComponent(transfer.id)}`}>{transfer.id}</Link>
          </th>
          <td>{transfer.payerId}</td>
          <td>{transfer.payeeId}</td>
          <td class="number nowrap">
            <Money amount={transfer.amount} currency={transfer.currency} />
          </td>
          <td>
            <Badge value={transfer.state} />
          </td>
          <td class="nowrap">
            <Time at={transfer.createdAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** One barcode payment: what it is, the calls made to its issuer, and the money it moved. */
export function BarcodePaymentPage({ paymentId }: { readonly paymentId: string }) {
  const trace = useResource<BarcodePaymentTrace>(`/barcode-payments/${segment(paymentId)}`);
  const data = trace.data;
  return (
    <>
      <p class="muted">
        <Link href="/barcode-payments">Barcode payments</Link> ›
      </p>
      <h1>Barcode payment {paymentId}</h1>
      <ProblemNotice problem={trace.problem} />
      {data !== undefined && (
        <div aria-busy={trace.loading}>
          <PaymentSummary payment={data.payment} />
          <section aria-labelledby="payment-calls">
            <h2 id="payment-calls">Calls</h2>
            <CallsTable calls={data.calls} />
          </section>
          <section aria-labelledby="payment-transfers">
            <h2 id="payment-transfers">Transfers</h2>
            <TransfersTable transfers={data.transfers} />
          </section>
        </div>
      )}
    </>
  );
}
