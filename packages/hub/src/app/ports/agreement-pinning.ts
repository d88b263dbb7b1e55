/**
 * Where agreements are pinned to the bank endpoint they were signed through. The agreements
 * store implements it; completing an endpoint migration calls it to move the agreements for
 * good. It is the only write the migration needs from that store.
 */
export interface AgreementPinning {
  /**
   * Re-pins every agreement of the bank pinned to `fromEndpointId` to `toEndpointId`, in one
   * transaction, and answers how many moved. Idempotent: a second call finds none to move.
   */
  repinAgreements(bankId: string, fromEndpointId: string, toEndpointId: string): Promise<number>;
}
