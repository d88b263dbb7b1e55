import type { Bill } from "@clearhub/wire";

/** A bill as a configuration or an admin call gives it: the wire's bill, currency optional. */
export type BillSeed = Omit<Bill, "currency"> & { readonly currency?: string | undefined };

/** A customer of the biller as a configuration or an admin call gives it. */
export interface CustomerSeed {
  /** The values that identify the customer, by parameter name, e.g. { accountNumber: "..." }. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly name: string;
  readonly currency: string;
  /** An inactive customer's account is closed: inquiries find no bills, postings are rejected. */
  readonly status?: "active" | "inactive" | undefined;
  readonly bills?: readonly BillSeed[] | undefined;
}

export type BillState = "due" | "paid";

export interface BillRecord {
  bill: Bill;
  state: BillState;
  /** The posting that paid the bill, while it stands. */
  paidBy: string | undefined;
}

export interface Customer {
  readonly key: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly name: string;
  readonly currency: string;
  readonly status: "active" | "inactive";
  /** By bill number, in the order issued. */
  readonly bills: Map<string, BillRecord>;
}

/**
 * The one text that names a customer whatever the order its parameters come in: names sorted,
 * `name=value` joined by `&`. Undefined when a name repeats, which identifies nobody.
 */
export function customerKey(
  parameters: readonly { readonly name: string; readonly value: string }[],
): string | undefined {
  const names = new Set(parameters.map((parameter) => parameter.name));
  if (names.size !== parameters.length) return undefined;
  return [...parameters]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, value }) => `${name}=${value}`)
    .join("&");
}

export function parameterList(
  parameters: Readonly<Record<string, string>>,
): { name: string; value: string }[] {
  return Object.entries(parameters).map(([name, value]) => ({ name, value }));
}
