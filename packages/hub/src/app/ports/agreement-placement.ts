/** How many of a bank's agreements one endpoint holds pinned. */
export interface PinnedAgreements {
  readonly endpointId: string;
  /** Signed and in force: the agreements whose payments the endpoint serves. */
  readonly active: number;
  /** Every agreement pinned there, whatever its state (signings under way, ended, failed). */
  readonly total: number;
}

/**
 * Where a bank's agreements are pinned, counted: what a migration still has to move, and what an
 * endpoint still serves. The agreements store implements it.
 */
export interface AgreementPlacement {
  /** One entry per endpoint that holds at least one agreement, in endpoint id order. */
  countPinned(bankId: string): Promise<PinnedAgreements[]>;
}
