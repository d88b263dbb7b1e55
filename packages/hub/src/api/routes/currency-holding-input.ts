import { type Static, Type } from "@sinclair/typebox";
import type { CurrencyHolding } from "../../app/participants/participant-service.ts";
import { amountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import type { ProblemCode, ProblemError } from "../problem.ts";

export const CurrencyHoldingInput = Type.Object(
  {
    currency: CurrencyInput,
    netDebitCap: amountInput("Zero means the participant may receive but never owe."),
  },
  { additionalProperties: false, title: "CurrencyHolding" },
);
export type CurrencyHoldingInput = Static<typeof CurrencyHoldingInput>;

export type HoldingsRead =
  | { readonly ok: true; readonly holdings: CurrencyHolding[] }
  | { readonly ok: false; readonly code: ProblemCode; readonly errors: ProblemError[] };

type HoldingRead =
  | { readonly holding: CurrencyHolding }
  | { readonly code: ProblemCode; readonly field: keyof CurrencyHoldingInput };

function readOne(input: CurrencyHoldingInput, seen: ReadonlySet<string>): HoldingRead {
  if (seen.has(input.currency)) return { code: "currency_duplicate", field: "currency" };
  const money = readMoney(input.netDebitCap, input.currency, { allowZero: true });
  if (money.ok) return { holding: { currency: money.currency.code, netDebitCap: money.minor } };
  return {
    code: money.code,
    field: money.code === "currency_unknown" ? "currency" : "netDebitCap",
  };
}

/**
 * Net debit caps are amounts in their currency. Every entry is checked so the client sees all
 * mistakes at once; the problem's code is the first mistake's.
 */
export function readHoldings(
  inputs: readonly CurrencyHoldingInput[],
  pointer: string,
): HoldingsRead {
  const holdings: CurrencyHolding[] = [];
  const errors: ProblemError[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const read = readOne(input, seen);
    seen.add(input.currency);
    if ("holding" in read) holdings.push(read.holding);
    else errors.push({ index, code: read.code, pointer: `${pointer}/${index}/${read.field}` });
  });
  const first = errors[0];
  if (first === undefined) return { ok: true, holdings };
  return { ok: false, code: first.code as ProblemCode, errors };
}

/** A single holding given as the whole body. */
export function readHolding(input: CurrencyHoldingInput): HoldingsRead {
  const read = readOne(input, new Set());
  if ("holding" in read) return { ok: true, holdings: [read.holding] };
  return { ok: false, code: read.code, errors: [{ code: read.code, pointer: `/${read.field}` }] };
}
