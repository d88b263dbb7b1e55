import type { AmountParseError } from "../../domain/money/amount.ts";
import { readMoney } from "../money-codec.ts";
import { requestHash } from "./transfer-input.ts";

/** What every request that moves money carries: the client's id of it, an amount, a currency. */
interface MoneyRequestInput {
  readonly id: string;
  readonly amount: string;
  readonly currency: string;
}

/** The money a request names, in minor units of a known currency, and the hash of the whole. */
interface MoneyRequestRead {
  readonly id: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly requestHash: string;
}

export type MoneyRequestResult<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly code: AmountParseError | "currency_unknown" };

/**
 * Reads a request that moves money: its amount in minor units, its currency's code, and the
 * hash of the whole request that tells a retry from a reuse of its id; `fields` are the
 * request's own, as the use-case takes them.
 */
export function readMoneyRequest<Fields extends object>(
  input: MoneyRequestInput,
  fields: Fields,
): MoneyRequestResult<MoneyRequestRead & Fields> {
  const money = readMoney(input.amount, input.currency);
  if (!money.ok) return money;
  return {
    ok: true,
    value: {
      id: input.id,
      ...fields,
      amountMinor: money.minor,
      currency: money.currency.code,
      requestHash: requestHash(input),
    },
  };
}
