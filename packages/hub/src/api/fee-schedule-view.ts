import { type Static, Type } from "@sinclair/typebox";
import { feeTransactionTypes, type StoredFeeSchedule } from "../domain/fees/fee-schedule.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput, writeMoney } from "./money-codec.ts";

export const FeeScheduleViewSchema = Type.Object(
  {
    transactionType: literalUnion(feeTransactionTypes),
    participant: Type.Union([Type.String(), Type.Null()], {
      description: "The payer it prices; null for the network-wide default",
    }),
    currency: Type.String(),
    fixed: AmountOutput,
    basisPoints: Type.Integer({ minimum: 0, maximum: 10_000 }),
    minimum: AmountOutput,
    maximum: Type.Union([AmountOutput, Type.Null()], { description: "null: no maximum" }),
    updatedAt: Type.String({ format: "date-time" }),
    updatedBy: Type.String({ description: "The operator account that set it" }),
  },
  { title: "FeeSchedule" },
);
export type FeeScheduleView = Static<typeof FeeScheduleViewSchema>;

export function feeScheduleView(schedule: StoredFeeSchedule): FeeScheduleView {
  const money = (minor: bigint) => writeMoney(minor, schedule.currency);
  return {
    transactionType: schedule.transactionType,
    participant: schedule.participantId,
    currency: schedule.currency,
    fixed: money(schedule.fixedMinor),
    basisPoints: schedule.basisPoints,
    minimum: money(schedule.minimumMinor),
    maximum: schedule.maximumMinor === null ? null : money(schedule.maximumMinor),
    updatedAt: new Date(schedule.updatedAt).toISOString(),
    updatedBy: schedule.updatedBy,
  };
}
