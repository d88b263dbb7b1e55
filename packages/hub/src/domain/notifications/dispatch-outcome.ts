/** What became of one claimed webhook delivery in a dispatcher's pass. */
export const dispatchOutcomes = {
  delivered: "The endpoint answered 2xx.",
  retrying: "The attempt failed; another is scheduled after a backoff.",
  dead: "The attempt failed and was the last one allowed; the delivery waits for an operator.",
  endpoint_deleted: "The endpoint no longer exists; the delivery is dead without a request.",
  superseded:
    "The claim's lease ran out and a newer claim holds the delivery; it records the result.",
  unrecorded:
    "The store failed to record the result; when the lease ends the delivery is sent again.",
} as const satisfies Record<string, string>;

export type DispatchOutcome = keyof typeof dispatchOutcomes;

export const dispatchOutcomeNames = Object.keys(dispatchOutcomes) as DispatchOutcome[];
