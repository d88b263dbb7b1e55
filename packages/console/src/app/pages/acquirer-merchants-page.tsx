import { segment } from "../api-client.ts";
import type { Merchant } from "../barcode.ts";
import { Link, pathWithQuery } from "../router.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { Badge, counted, Time } from "../ui/format.tsx";
import { NextPageLink } from "../ui/next-page-link.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useCursorPage } from "../ui/use-cursor-page.ts";
import { acquirerPath } from "./acquirers-page.tsx";

const merchantsPerPage = 100;

function MerchantRow({ merchant }: { readonly merchant: Merchant }) {
  const payments = pathWithQuery("/barcode-payments", {
    acquirer: merchant.acquirerId,
    merchant: merchant.merchantId,
  });
  return (
    <tr data-merchant={merchant.merchantId}>
      <th scope="row" class="id">
        {merchant.merchantId}
      </th>
      <td>{merchant.name}</td>
      <td>{merchant.merchantCategoryCode}</td>
      <td>
        {merchant.city}, {merchant.countryCode}
      </td>
      <td data-field="status">
        <Badge value={merchant.status} family="merchant" />
      </td>
      <td class="nowrap">
        <Time at={merchant.createdAt} />
      </td>
      <td>
        <Link href={payments}>Payments</Link>
      </td>
    </tr>
  );
}

/** One acquirer's merchants, newest first, closed ones included. */
export function AcquirerMerchantsPage({ acquirerId }: { readonly acquirerId: string }) {
  const path = acquirerPath(acquirerId);
  const { filters, page } = useCursorPage<Merchant>(
    `/participants/${segment(acquirerId)}/merchants`,
    [],
    merchantsPerPage,
  );
  const items = page.data?.items ?? [];
  return (
    <>
      <p class="muted">
        <Link href="/merchants">Merchants and acquirers</Link> ›
      </p>
      <h1>Merchants of {acquirerId}</h1>
      <p>
        <Link href={`/participants/${encodeURIComponent(acquirerId)}`}>The participant</Link> ·{" "}
        <Link href={pathWithQuery("/barcode-payments", { acquirer: acquirerId })}>
          Its barcode payments
        </Link>
      </p>
      <ProblemNotice problem={page.problem} />
      {page.data !== undefined && items.length === 0 && <p>No merchant registered.</p>}
      {items.length > 0 && (
        <DataTable
          caption={counted(items.length, "merchant", "merchants")}
          columns={["Merchant", "Name", "Category", "City", "Status", "Registered", "Payments"]}
        >
          {items.map((merchant) => (
            <MerchantRow key={merchant.merchantId} merchant={merchant} />
          ))}
        </DataTable>
      )}
      <NextPageLink path={path} filters={filters} nextCursor={page.data?.nextCursor} />
    </>
  );
}
