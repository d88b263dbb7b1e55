import type {
  Bill,
  BillInquiryAnswer,
  PostingAnswer,
  BillInquiryRequest as WireBillInquiry,
  PostingInquiryRequest as WirePostingInquiry,
  PostingRequest as WirePostingRequest,
} from "@clearhub/wire";
import type {
  BillInquiry,
  BillsDue,
  PostingOutcome,
  PostingRequest,
  PresentedBill,
} from "../../app/ports/biller-connector.ts";
import { formatAmount, parseAmount } from "../../domain/money/amount.ts";
import { type Currency, findCurrency } from "../../domain/money/currency.ts";

/**
 * The app's requests as the biller interface writes them, and the biller's answers (already
 * checked against the interface's schemas) as the app reads them. A decoder answers undefined
 * for an answer that is well-formed but cannot be this request's or cannot be trusted as money:
 * another id echoed, an unknown currency, an amount finer than its currency, a time that does
 * not parse. The caller then treats the call as unknown.
 */

function timeMs(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function minorOf(text: string, currency: Currency): bigint | undefined {
  const parsed = parseAmount(text, currency, { allowZero: true });
  return parsed.ok ? parsed.minor : undefined;
}

/** An optional amount: absent stays absent; present but unreadable fails the whole bill. */
function optionalMinor(
  text: string | undefined,
  currency: Currency,
): { ok: true; minor: bigint | undefined } | { ok: false } {
  if (text === undefined) return { ok: true, minor: undefined };
  const minor = minorOf(text, currency);
  return minor === undefined ? { ok: false } : { ok: true, minor };
}

function decodeBill(bill: Bill): PresentedBill | undefined {
  const currency = findCurrency(bill.currency);
  if (currency === undefined) return undefined;
  const amountDueMinor = minorOf(bill.amountDue, currency);
  const min = optionalMinor(bill.amountMin, currency);
  const max = optionalMinor(bill.amountMax, currency);
  if (amountDueMinor === undefined || !min.ok || !max.ok) return undefined;
  if (min.minor !== undefined && min.minor > amountDueMinor) return undefined;
  if (max.minor !== undefined && max.minor < amountDueMinor) return undefined;
  return {
    billNumber: bill.billNumber,
    currency,
    amountDueMinor,
    ...(min.minor === undefined ? {} : { amountMinMinor: min.minor }),
    ...(max.minor === undefined ? {} : { amountMaxMinor: max.minor }),
    dueDate: bill.dueDate,
    ...(bill.period === undefined ? {} : { period: { ...bill.period } }),
    ...(bill.description === undefined ? {} : { description: bill.description }),
  };
}

export function encodeBillInquiry(inquiry: BillInquiry): WireBillInquiry {
  return {
    inquiryId: inquiry.inquiryId,
    customerParameters: inquiry.customerParameters.map(({ name, value }) => ({ name, value })),
  };
}

export function decodeBillsDue(
  answer: BillInquiryAnswer,
  inquiry: BillInquiry,
): BillsDue | undefined {
  if (answer.inquiryId !== inquiry.inquiryId) return undefined;
  const bills: PresentedBill[] = [];
  for (const bill of answer.bills) {
    const decoded = decodeBill(bill);
    if (decoded === undefined) return undefined;
    bills.push(decoded);
  }
  return {
    ...(answer.customerName === undefined ? {} : { customerName: answer.customerName }),
    bills,
  };
}

export function encodePosting(posting: PostingRequest): WirePostingRequest {
  return {
    postingId: posting.postingId,
    channelId: posting.channelId,
    customerParameters: posting.customerParameters.map(({ name, value }) => ({ name, value })),
    ...(posting.billNumber === undefined ? {} : { billNumber: posting.billNumber }),
    amount: formatAmount(posting.amountMinor, posting.currency),
    currency: posting.currency.code,
    paidAt: new Date(posting.paidAtMs).toISOString(),
  };
}

export function encodePostingInquiry(postingId: string): WirePostingInquiry {
  return { postingId };
}

export function decodePostingOutcome(
  answer: PostingAnswer,
  postingId: string,
): PostingOutcome | undefined {
  if (answer.postingId !== postingId) return undefined;
  switch (answer.status) {
    case "accepted": {
      const postedAtMs = timeMs(answer.postedAt);
      if (postedAtMs === undefined) return undefined;
      return { postingId, status: "accepted", receiptNumber: answer.receiptNumber, postedAtMs };
    }
    case "rejected":
      return {
        postingId,
        status: "rejected",
        reasonCode: answer.reasonCode,
        reasonText: answer.reasonText,
      };
    case "pending":
      return { postingId, status: "pending" };
  }
}
