import {
  type BarcodePayment,
  barcodeInstruments,
  barcodePaymentPath,
  barcodePaymentStates,
  instrumentText,
} from "../barcode.ts";
import { Link } from "../router.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { SelectField, TextField } from "../ui/fields.tsx";
import { FilterForm } from "../ui/filter-form.tsx";
import { Badge, counted, Money, Time } from "../ui/format.tsx";
import { NextPageLink } from "../ui/next-page-link.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useCursorPage } from "../ui/use-cursor-page.ts";

const paymentsPerPage = 100;
const filterNames = ["issuer", "acquirer", "merchant", "state", "instrument"] as const;

const participantLink = (id: string) => (
  <Link href={`/participants/${encodeURIComponent(id)}`}>{id}</Link>
);

function PaymentRow({ payment }: { readonly payment: BarcodePayment }) {
  return (
    <tr data-payment={payment.paymentId}>
      <th scope="row" class="payment-id">
        <Link href={barcodePaymentPath(payment.paymentId)}>{payment.paymentId}</Link>
      </th>
      <td class="nowrap">
        <Time at={payment.createdAt} />
      </td>
      <td>
        <span class="nowrap">{instrumentText(payment.instrument)}</span>
        {payment.maskedNumber !== null && (
          <>
            <br />
            <span class="id" data-field="masked-number">
              {payment.maskedNumber}
            </span>
          </>
        )}
      </td>
      <td class="nowrap">{participantLink(payment.issuerId)}</td>
      <td class="nowrap">
        <span class="id">{payment.merchantId}</span>
        <br />
        <span class="muted">at </span>
        {participantLink(payment.acquirerId)}
      </td>
      <td class="number nowrap">
        <Money amount={payment.amount} currency={payment.currency} />
      </td>
      <td data-field="state">
        <Badge value={payment.state} family="barcode" />
      </td>
    </tr>
  );
}

/** Every institution's barcode payments, newest first, by issuer, acquirer, merchant, state, instrument. */
export function BarcodePaymentsPage() {
  const { filters, page } = useCursorPage<BarcodePayment>(
    "/barcode-payments",
    filterNames,
    paymentsPerPage,
  );
  const items = page.data?.items ?? [];
  const more = page.data?.nextCursor !== null && page.data?.nextCursor !== undefined;
  return (
    <>
      <h1>Barcode payments</h1>
      <p class="muted">
        Payments at the point of sale: a customer's app scanned a merchant's QR code
        (merchant-presented), or a merchant read the customer's payment code or prepaid card
        (consumer-presented). Codes and card numbers are shown masked.
      </p>
      <FilterForm path="/barcode-payments" names={filterNames} label="Filter barcode payments">
        <TextField label="Issuer" name="issuer" value={filters.issuer} />
        <TextField label="Acquirer" name="acquirer" value={filters.acquirer} />
        <TextField label="Merchant" name="merchant" value={filters.merchant} />
        <SelectField
          label="State"
          name="state"
          value={filters.state}
          options={["", ...barcodePaymentStates]}
        />
        <SelectField
          label="Instrument"
          name="instrument"
          value={filters.instrument}
          options={[
            "",
            ...barcodeInstruments.map((value) => [value, instrumentText(value)] as const),
          ]}
        />
      </FilterForm>
      <ProblemNotice problem={page.problem} />
      {page.data !== undefined && items.length === 0 && <p>No barcode payment matches.</p>}
      {items.length > 0 && (
        <DataTable
          caption={`${counted(items.length, "payment", "payments")}${more ? ", more on the next page" : ""}`}
          columns={[
            "Payment",
            "At",
            "Instrument",
            "Issuer",
            "Merchant",
            { label: "Amount", numeric: true },
            "State",
          ]}
        >
          {items.map((payment) => (
            <PaymentRow key={payment.paymentId} payment={payment} />
          ))}
        </DataTable>
      )}
      <NextPageLink path="/barcode-payments" filters={filters} nextCursor={page.data?.nextCursor} />
    </>
  );
}
