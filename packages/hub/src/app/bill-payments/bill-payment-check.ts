import { checkAmount } from "../../domain/billers/amount-exactness.ts";
import { directPayAllowed } from "../../domain/billers/biller-profile.ts";
import { checkCustomerParameters } from "../../domain/billers/customer-parameter-check.ts";
import { customerParamsHash } from "../../domain/billers/customer-params-hash.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { BillerEntry } from "../billers/biller-catalogue-entry.ts";
import type { BillerRegistry } from "../billers/biller-registry.ts";
import type { PositionAccounts } from "../participants/position-accounts.ts";
import type { BillPaymentRefusal, NewBillPayment } from "./bill-payment-request.ts";
import type { QuotedBill, QuotedBillLookup } from "./quoted-bills.ts";

/** What the payment is for, once checked: the customer, the bill if any, the parties' positions. */
export interface CheckedPayment {
  readonly parameters: readonly { name: string; value: string }[];
  readonly parametersHash: string;
  readonly billNumber: string | null;
  readonly channelAccountId: number;
  readonly billerAccountId: number;
}

/**
 * Checks a payment whole before anything is written: the biller, the bill it quotes or the
 * customer it names, the currency, and the amount against the biller's exactness rule.
 */
export async function checkBillPayment(
  deps: { readonly billers: BillerRegistry; readonly positions: PositionAccounts },
  channel: Participant,
  request: NewBillPayment,
  quoted: QuotedBillLookup | undefined,
): Promise<CheckedPayment | BillPaymentRefusal> {
  const found = await deps.billers.find(request.billerId);
  if (!found.ok) return { code: "biller_not_found" };
  const biller = found.value;
  if (biller.status !== "active") return { code: "biller_inactive" };
  const customer = customerOf(request, quoted, biller);
  if ("code" in customer) return customer;
  if (!biller.profile.currencies.includes(request.currency)) {
    return { code: "payment_currency_unsupported" };
  }
  const bill = customer.bill;
  if (bill !== null && bill.currency !== request.currency) {
    return { code: "payment_currency_unsupported" };
  }
  const rule = biller.profile.amountExactness;
  const amount = checkAmount(
    rule,
    bill?.amountDueMinor ?? null,
    bill?.amountMinMinor ?? null,
    bill?.amountMaxMinor ?? null,
    request.amountMinor,
  );
  if (amount !== "ok") return { code: "amount_not_allowed", rule, check: amount };
  const [channelAccountId, billerAccountId] = await Promise.all([
    deps.positions.idOf(channel.id, request.currency),
    deps.positions.idOf(biller.profile.participantId, request.currency),
  ]);
  if (channelAccountId === undefined || billerAccountId === undefined) {
    return { code: "payment_currency_unsupported" };
  }
  return {
    parameters: customer.parameters,
    parametersHash: customerParamsHash(customer.values),
    billNumber: bill?.billNumber ?? null,
    channelAccountId,
    billerAccountId,
  };
}

/** The customer (and bill) the payment is for: a presentment of the channel's, or parameters. */
function customerOf(
  request: NewBillPayment,
  quoted: QuotedBillLookup | undefined,
  biller: BillerEntry,
):
  | {
      bill: QuotedBill | null;
      values: Readonly<Record<string, string>>;
      parameters: { name: string; value: string }[];
    }
  | BillPaymentRefusal {
  const specs = biller.profile.parameters;
  const ordered = (values: Readonly<Record<string, string>>) =>
    specs.flatMap((spec) => {
      const value = values[spec.name];
      return value === undefined ? [] : [{ name: spec.name, value }];
    });
  if (request.billRef !== undefined && request.customerParameters !== undefined) {
    return { code: "bill_ref_or_parameters_required" };
  }
  if (quoted !== undefined) {
    // Another biller's bill answers as an unknown one: a reference names one bill only.
    if (quoted.found === "none") return { code: "bill_ref_not_found" };
    if (quoted.bill.billerId !== request.billerId) return { code: "bill_ref_not_found" };
    const values = quoted.bill.customerParameters;
    return { bill: quoted.bill, values, parameters: ordered(values) };
  }
  if (request.customerParameters === undefined) {
    return { code: "bill_ref_or_parameters_required" };
  }
  if (!directPayAllowed(biller.profile)) return { code: "direct_payment_not_allowed" };
  const check = checkCustomerParameters(specs, request.customerParameters);
  if (!check.ok) return { code: "customer_parameters_invalid", failures: check.failures };
  return { bill: null, values: check.values, parameters: ordered(check.values) };
}
