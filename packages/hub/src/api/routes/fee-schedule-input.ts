import { Type } from "@sinclair/typebox";
import type { FeeScheduleRefusal } from "../../app/fees/fee-schedule-service.ts";
import {
  basisPointsMax,
  type FeeSchedule,
  type FeeTransactionType,
} from "../../domain/fees/fee-schedule.ts";
import { type AmountParseError, parseAmount } from "../../domain/money/amount.ts";
import { type Currency, findCurrency } from "../../domain/money/currency.ts";
import { writeMoney } from "../money-codec.ts";

/** Room for any decimal an operator may mistype, so an overflow answers its own code. */
const feeValueLengthMax = 64;
/** `int8` holds 19 digits: a longer whole part is too large whatever it says. */
const wholeDigitsMax = 19;

function feeValue(description: string) {
  return Type.String({
    maxLength: feeValueLengthMax,
    description: `${description}: a decimal string in the currency's major unit, e.g. "0.50"; zero or more`,
    examples: ["0.50"],
  });
}

export const FeeScheduleInput = Type.Object(
  {
    fixed: feeValue("The fixed part of every fee"),
    basisPoints: Type.Integer({
      description: `The variable part in basis points of the amount (1 bp = 0.01 %), 0 to ${basisPointsMax}; rounded half up to a minor unit`,
      examples: [25],
    }),
    minimum: Type.Optional(feeValue("The least fee; 0 when left out")),
    maximum: Type.Optional(
      Type.Union([feeValue("The most fee"), Type.Null()], {
        description: "The most fee; no maximum when null or left out",
      }),
    ),
  },
  { additionalProperties: false, title: "FeeScheduleInput" },
);

export interface FeeScheduleBody {
  readonly fixed: string;
  readonly basisPoints: number;
  readonly minimum?: string | undefined;
  readonly maximum?: string | null | undefined;
}

type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: FeeScheduleRefusal | AmountParseError };

/**
 * One value in minor units. A sign or an overflow is the schedule's own mistake and answers the
 * schedule's codes, not the generic amount ones: "-1.00" is negative, not malformed.
 */
function readValue(text: string, currency: Currency): Read<bigint> {
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text;
  const whole = /^(0|[1-9][0-9]*)(?:\.[0-9]+)?$/.exec(digits)?.[1];
  if (whole !== undefined && negative) return { ok: false, code: "fee_value_negative" };
  if (whole !== undefined && whole.length > wholeDigitsMax) {
    return { ok: false, code: "fee_value_too_large" };
  }
  const parsed = parseAmount(digits, currency, { allowZero: true });
  if (parsed.ok) return { ok: true, value: parsed.minor };
  return {
    ok: false,
    code: parsed.code === "amount_too_large" ? "fee_value_too_large" : parsed.code,
  };
}

/** The schedule the body sets for the key, or the first mistake in it (checked in field order). */
export function readFeeSchedule(
  key: { transactionType: FeeTransactionType; participantId: string | null; currency: string },
  body: FeeScheduleBody,
): Read<FeeSchedule> {
  const currency = findCurrency(key.currency);
  if (currency === undefined) return { ok: false, code: "currency_unknown" };
  const fixed = readValue(body.fixed, currency);
  if (!fixed.ok) return fixed;
  const minimum = readValue(body.minimum ?? "0", currency);
  if (!minimum.ok) return minimum;
  const maximum = body.maximum == null ? null : readValue(body.maximum, currency);
  if (maximum !== null && !maximum.ok) return maximum;
  return {
    ok: true,
    value: {
      transactionType: key.transactionType,
      participantId: key.participantId,
      currency: currency.code,
      fixedMinor: fixed.value,
      basisPoints: body.basisPoints,
      minimumMinor: minimum.value,
      maximumMinor: maximum === null ? null : maximum.value,
    },
  };
}

/** The schedule as a proposal keeps it: JSON, amounts as decimal strings. */
export type FeeSchedulePayload = {
  readonly transactionType: FeeTransactionType;
  readonly participantId: string | null;
  readonly currency: string;
  readonly fixed: string;
  readonly basisPoints: number;
  readonly minimum: string;
  readonly maximum: string | null;
};

export function feeSchedulePayload(schedule: FeeSchedule): FeeSchedulePayload {
  const money = (minor: bigint) => writeMoney(minor, schedule.currency);
  return {
    transactionType: schedule.transactionType,
    participantId: schedule.participantId,
    currency: schedule.currency,
    fixed: money(schedule.fixedMinor),
    basisPoints: schedule.basisPoints,
    minimum: money(schedule.minimumMinor),
    maximum: schedule.maximumMinor === null ? null : money(schedule.maximumMinor),
  };
}

export function feeScheduleOfPayload(payload: FeeSchedulePayload): Read<FeeSchedule> {
  return readFeeSchedule(payload, payload);
}
