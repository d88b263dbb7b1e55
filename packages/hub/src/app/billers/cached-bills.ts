import { findCurrency } from "../../domain/money/currency.ts";
import type { BillsDue, PresentedBill } from "../ports/biller-connector.ts";

/**
 * A biller's answer as the presentment cache keeps it: plain JSON (the cache may be Redis, shared
 * by every node), so amounts are minor units written as decimal integer text, never numbers.
 */
export interface CachedBill {
  readonly billNumber: string;
  readonly currency: string;
  readonly amountDueMinor: string;
  readonly amountMinMinor?: string | undefined;
  readonly amountMaxMinor?: string | undefined;
  readonly dueDate: string;
  readonly period?: { readonly from: string; readonly to: string } | undefined;
  readonly description?: string | undefined;
}

export interface CachedBills {
  readonly customerName?: string | undefined;
  readonly bills: readonly CachedBill[];
}

function optionalText(minor: bigint | undefined): string | undefined {
  return minor === undefined ? undefined : minor.toString();
}

export function toCachedBills(due: BillsDue): CachedBills {
  return JSON.parse(
    JSON.stringify({
      customerName: due.customerName,
      bills: due.bills.map((bill) => ({
        ...bill,
        currency: bill.currency.code,
        amountDueMinor: bill.amountDueMinor.toString(),
        amountMinMinor: optionalText(bill.amountMinMinor),
        amountMaxMinor: optionalText(bill.amountMaxMinor),
      })),
    }),
  ) as CachedBills;
}

/** Undefined when a cached copy does not read back (a currency this node does not know). */
export function fromCachedBills(cached: CachedBills): BillsDue | undefined {
  const bills: PresentedBill[] = [];
  for (const bill of cached.bills) {
    const currency = findCurrency(bill.currency);
    if (currency === undefined) return undefined;
    bills.push({
      ...bill,
      currency,
      amountDueMinor: BigInt(bill.amountDueMinor),
      amountMinMinor: bill.amountMinMinor === undefined ? undefined : BigInt(bill.amountMinMinor),
      amountMaxMinor: bill.amountMaxMinor === undefined ? undefined : BigInt(bill.amountMaxMinor),
    });
  }
  return { customerName: cached.customerName, bills };
}
