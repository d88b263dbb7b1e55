/**
 * How a payment's amount must relate to the bill it pays (BBPS's "exactness"): `exact` the
 * amount due and nothing else; `exact_or_more` at least the amount due (a prepaid top-up on
 * top); `exact_or_less` at most the amount due (part payment); `any` whatever is positive.
 */
export const amountExactnessRules = ["exact", "exact_or_more", "exact_or_less", "any"] as const;
export type AmountExactness = (typeof amountExactnessRules)[number];

/**
 * Why an amount is refused, in the order checked. `amount_due_unknown`: the rule compares with
 * an amount due and the payment quotes no bill that has one.
 */
export type AmountCheck =
  | "ok"
  | "amount_not_positive"
  | "amount_due_unknown"
  | "amount_not_exact"
  | "amount_below_due"
  | "amount_above_due"
  | "amount_below_minimum"
  | "amount_above_maximum";

/**
 * Checks a payment's amount (minor units) against the rule and the bill's figures. `due` is
 * the amount due (null when no bill was presented); `min` and `max` are the bill's own bounds
 * when the biller sent any, and narrow every rule further (an `exact_or_less` bill may still
 * refuse a payment under its minimum). A bill whose bounds exclude every amount the rule
 * allows refuses every amount.
 */
export function checkAmount(
  rule: AmountExactness,
  due: bigint | null,
  min: bigint | null,
  max: bigint | null,
  amount: bigint,
): AmountCheck {
  if (amount <= 0n) return "amount_not_positive";
  if (rule !== "any" && due === null) return "amount_due_unknown";
  if (due !== null) {
    if (rule === "exact" && amount !== due) return "amount_not_exact";
    if (rule === "exact_or_more" && amount < due) return "amount_below_due";
    if (rule === "exact_or_less" && amount > due) return "amount_above_due";
  }
  if (min !== null && amount < min) return "amount_below_minimum";
  if (max !== null && amount > max) return "amount_above_maximum";
  return "ok";
}

/** True when checkAmount finds nothing wrong. */
export function amountAllowed(
  rule: AmountExactness,
  due: bigint | null,
  min: bigint | null,
  max: bigint | null,
  amount: bigint,
): boolean {
  return checkAmount(rule, due, min, max, amount) === "ok";
}
