import {
  honourWindowMaxMs,
  suspensionReasonLengthMax,
} from "../domain/channels/channel-suspension.ts";
import { type ProblemEntries, retryAfterSeconds } from "./problem-code.ts";

/**
 * Billers and channels: biller profiles, channel suspensions, bill inquiries, subscriptions and
 * payments.
 */
export const billProblems = {
  biller_not_found: { status: 404, title: "No biller with a profile has this id" },
  participant_not_biller: { status: 422, title: "The participant is not a biller" },
  biller_profile_invalid: {
    status: 422,
    title:
      "The biller profile is refused; nothing was written. `errors` names each refused field (pointer) with its code",
  },
  participant_not_channel: {
    status: 422,
    title: "The participant is no channel: only payment institutions and banks sell bill payment",
  },
  channel_terminated: { status: 409, title: "The channel is terminated; that is final" },
  channel_suspended: {
    status: 409,
    title: "The operator suspended this capability of the channel",
  },
  honour_deadline_passed: {
    status: 409,
    title:
      "The channel is suspended and the deadline for honouring bills presented before it has passed",
  },
  suspension_capabilities_empty: {
    status: 422,
    title: 'Name at least one capability, or "all"',
  },
  suspension_reason_invalid: {
    status: 422,
    title: `A reason is 1-${suspensionReasonLengthMax} characters, not only spaces, without control characters`,
  },
  honour_deadline_missing: {
    status: 422,
    title: "The honour_presented policy needs an honourDeadline",
  },
  honour_deadline_unexpected: {
    status: 422,
    title: "Only the honour_presented policy takes an honourDeadline",
  },
  honour_policy_not_applicable: {
    status: 422,
    title: "honour_presented is about payments: the suspension must include bill_payment",
  },
  honour_deadline_past: { status: 422, title: "The honour deadline must be in the future" },
  honour_deadline_too_far: {
    status: 422,
    title: `The honour deadline is at most ${honourWindowMaxMs / 86_400_000} days after the suspension`,
  },
  capability_already_suspended: {
    status: 409,
    title: "A capability named is already suspended; lift it first to suspend it anew",
  },
  capability_not_suspended: { status: 409, title: "A capability named is not suspended" },
  channel_not_suspended: { status: 409, title: "The channel has no suspended capability" },
  suspension_changed_concurrently: {
    status: 409,
    title: "The channel's state changed while this request was handled; read it and try again",
  },
  biller_inactive: {
    status: 422,
    title: "The biller is suspended or terminated: its bills cannot be presented or paid now",
  },
  bill_fetch_not_supported: {
    status: 422,
    title: "The biller presents no bills: pay it directly with the customer parameters",
  },
  bill_ref_not_found: {
    status: 404,
    title: "You hold no presented bill of this biller with this billRef",
  },
  bill_ref_expired: {
    status: 422,
    title: "The presented bill's billRef has expired: inquire again for a fresh one",
  },
  bill_ref_or_parameters_required: {
    status: 422,
    title: "A bill payment quotes exactly one of a billRef and the customer parameters",
  },
  direct_payment_not_allowed: {
    status: 422,
    title:
      "The biller takes payments only for bills it presented: quote a billRef from a bill inquiry",
  },
  bill_subscriptions_full: {
    status: 409,
    title:
      "You hold the most bill subscriptions a channel may; remove ones you no longer need first",
  },
  bill_subscription_not_found: { status: 404, title: "You hold no bill subscription with this id" },
  bill_amounts_inconsistent: {
    status: 422,
    title: "The bill's least payable amount is above its amount due, or its most below it",
  },
  bill_period_reversed: { status: 422, title: "The bill's period ends before it starts" },
  customer_parameters_invalid: {
    status: 422,
    title:
      "The customer parameters are refused (1 to 8 names of the form accountNumber, each once, each value 1 to 64 characters without control characters) or fail the biller's rules; `errors` names each failing parameter (pointer) with its code. Empty when the biller itself refused them",
  },
  bill_customer_not_found: {
    status: 404,
    title: "The biller has no customer with these parameters",
  },
  biller_unavailable: {
    status: 503,
    title:
      "The biller did not answer usably (no endpoint, down, busy, or an answer the hub cannot trust); nothing was presented. Ask again later",
    headers: { "retry-after": retryAfterSeconds },
  },
  channel_quota_exceeded: {
    status: 429,
    title:
      "You asked this biller more often than your quota allows; wait for the time in Retry-After",
  },
  biller_capacity_exceeded: {
    status: 429,
    title:
      "The biller is at the capacity it declared (a scheduled inquiry gets only spare capacity); wait for the time in Retry-After",
  },
  amount_not_allowed: {
    status: 422,
    title:
      "The amount breaks the biller's exactness rule or the bill's bounds; `detail` names the rule and the check",
  },
  bill_payment_not_found: { status: 404, title: "You hold no bill payment with this id" },
  reversal_amount_mismatch: {
    status: 422,
    title: "A reversal repeats its posting's amount and currency: these are not the posting's",
  },
  bill_payment_not_reversible: {
    status: 409,
    title:
      "The posting was rejected and its money cleared back already: there is nothing to reverse",
  },
} satisfies ProblemEntries;
