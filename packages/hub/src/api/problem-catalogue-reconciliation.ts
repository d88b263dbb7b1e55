import { malformedListedMax } from "../app/reconciliation/record-parse.ts";
import { writeOffReasonLengthMax } from "../domain/reconciliation/reconciliation-break.ts";
import type { ProblemEntries } from "./problem-code.ts";

/** Daily reconciliation: statements, uploaded records and the breaks' workflow. */
export const reconciliationProblems = {
  business_day_invalid: {
    status: 400,
    title: "A business day is a calendar date, YYYY-MM-DD",
  },
  record_malformed: {
    status: 422,
    title: `The record has malformed rows and was refused whole; nothing was stored. \`errors\` lists the first ${malformedListedMax} by line (pointer \`/lines/N\`), \`detail\` counts them all`,
  },
  record_media_type: {
    status: 415,
    title: "A reconciliation record is sent as text/csv",
  },
  break_not_found: { status: 404, title: "No reconciliation break has this id" },
  break_resolved: { status: 409, title: "The break is resolved already; a resolution is final" },
  break_not_reversible: {
    status: 409,
    title:
      "Only a completed hub transaction can be reversed: a break missing at the hub, or a duplicate, has none",
  },
  write_off_reason_invalid: {
    status: 422,
    title: `A write-off needs a reason of 1-${writeOffReasonLengthMax} characters`,
  },
  reversal_refused: {
    status: 409,
    title: "The ledger refused the reversing transfer; `detail` has its result code",
  },
  statement_currency_required: {
    status: 400,
    title: "A camt.053 statement is of one currency: name it (`currency`)",
  },
  statement_currency_not_held: {
    status: 404,
    title: "The participant holds no position in this currency",
  },
} satisfies ProblemEntries;
