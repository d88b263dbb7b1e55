import type { BillNotice as BillNoticeMessage } from "@clearhub/wire";
import type { PushedBill } from "../../app/billers/bill-notice-service.ts";
import {
  type CustomerParameterProblem,
  type CustomerParametersError,
  readCustomerParameters,
} from "../../domain/billers/customer-parameters.ts";
import {
  type PresentedBill,
  type PresentedBillError,
  presentedBillError,
} from "../../domain/billers/presented-bill.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import { readMoney } from "../money-codec.ts";

export type BillNoticeRead =
  | { readonly ok: true; readonly value: PushedBill }
  | {
      readonly ok: false;
      readonly code: CustomerParametersError;
      readonly problems: readonly CustomerParameterProblem[];
    }
  | {
      readonly ok: false;
      readonly code: AmountParseError | "currency_unknown" | PresentedBillError;
      readonly pointer: string;
    };

/**
 * A biller's bill notice, already valid against the biller interface's schema, in the hub's
 * terms: the parameters by name (each once), the amounts in minor units of a currency the hub
 * clears (zero allowed: a changed bill may be settled to nothing), and the bill's own promises
 * held (see `presentedBillError`).
 */
export function readBillNotice(message: BillNoticeMessage): BillNoticeRead {
  const parameters = readCustomerParameters(
    message.customerParameters.map((parameter) => [parameter.name, parameter.value] as const),
  );
  if (!parameters.ok) return parameters;
  const bill = readBill(message.bill);
  if (!bill.ok) return bill;
  const error = presentedBillError(bill.value);
  if (error !== undefined) return { ok: false, code: error, pointer: "/bill" };
  return {
    ok: true,
    value: {
      noticeId: message.noticeId,
      kind: message.kind,
      parameters: parameters.value,
      bill: bill.value,
      issuedAt: message.issuedAt,
    },
  };
}

type BillRead =
  | { readonly ok: true; readonly value: PresentedBill }
  | {
      readonly ok: false;
      readonly code: AmountParseError | "currency_unknown";
      readonly pointer: string;
    };

function readBill(bill: BillNoticeMessage["bill"]): BillRead {
  const amounts: Record<"amountDue" | "amountMin" | "amountMax", bigint | null> = {
    amountDue: null,
    amountMin: null,
    amountMax: null,
  };
  for (const field of ["amountDue", "amountMin", "amountMax"] as const) {
    const text = bill[field];
    if (text === undefined) continue;
    const money = readMoney(text, bill.currency, { allowZero: true });
    if (!money.ok) {
      const pointer = money.code === "currency_unknown" ? "/bill/currency" : `/bill/${field}`;
      return { ok: false, code: money.code, pointer };
    }
    amounts[field] = money.minor;
  }
  return {
    ok: true,
    value: {
      billNumber: bill.billNumber,
      currency: bill.currency,
      amountDueMinor: amounts.amountDue ?? 0n,
      amountMinMinor: amounts.amountMin,
      amountMaxMinor: amounts.amountMax,
      dueDate: bill.dueDate,
      period: bill.period ?? null,
      description: bill.description ?? null,
    },
  };
}
