/** Counts of what a simulator did with the requests of its interface it received. */
export interface SimulatorStats {
  /** Requests that reached a route of the interface, busy ones included. */
  requests: number;
  /** Refused for their signature (401) or because the hub's keys could not be fetched. */
  refusedUnverified: number;
  /** Refused for an invalid body (400). */
  refusedInvalid: number;
  /** Refused at capacity (503) before being read. */
  busy: number;
  /** Applied, then the connection destroyed without an answer. */
  dropped: number;
  /** Applied, answered only after the timeout delay. */
  late: number;
  /** Answered at once. */
  answered: number;
  /** Requests under way now, across every endpoint: what the capacity limits. */
  underWay: number;
}

export function emptyStats(): SimulatorStats {
  return {
    requests: 0,
    refusedUnverified: 0,
    refusedInvalid: 0,
    busy: 0,
    dropped: 0,
    late: 0,
    answered: 0,
    underWay: 0,
  };
}
