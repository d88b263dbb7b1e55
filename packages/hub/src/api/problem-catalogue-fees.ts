import { basisPointsMax } from "../domain/fees/fee-schedule.ts";
import type { ProblemEntries } from "./problem-code.ts";

/** Fee schedules. Each refusal writes nothing. */
export const feeProblems = {
  fee_value_negative: {
    status: 422,
    title: "A fee schedule's amounts and basis points are never negative; nothing was written",
  },
  fee_value_too_large: {
    status: 422,
    title:
      "A fee schedule's amount is beyond what the ledger holds (2^63 − 1 minor units); nothing was written",
  },
  fee_basis_points_invalid: {
    status: 422,
    title: `Basis points are a whole number from 0 to ${basisPointsMax} (100 %); nothing was written`,
  },
  fee_minimum_above_maximum: {
    status: 422,
    title: "The fee's minimum is above its maximum, so no fee satisfies both; nothing was written",
  },
  fee_payer_is_operator: {
    status: 422,
    title: "The hub operator pays no fees to itself: name another participant",
  },
  barcode_limit_invalid: {
    status: 422,
    title:
      "A barcode daily limit is zero or more, up to what the ledger holds (2^63 − 1 minor units); nothing was written",
  },
  fee_schedule_not_found: {
    status: 404,
    title: "No fee schedule for this transaction type, payer and currency",
  },
} satisfies ProblemEntries;
