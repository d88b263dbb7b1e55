/** One customer at one biller; the hash is `customerParamsHash` of the customer parameters. */
export interface PresentmentKey {
  readonly billerId: string;
  readonly customerParamsHash: string;
}

export interface CachedPresentment<TBills> {
  readonly bills: TBills;
  /** When the biller answered, by the hub's clock: channels are told how old a cached answer is. */
  readonly fetchedAtMs: number;
}

/**
 * The bills a biller last presented for a customer, kept for as long as the biller's profile
 * says a presented bill may be served from cache. `scheduled` inquiries are answered from here
 * whenever a copy is fresh, so a machine asking "is there a new bill?" costs the biller nothing.
 * Every fresh answer from the biller is put back, whoever asked.
 */
export interface PresentmentCache<TBills> {
  /** The fresh copy, or null when there is none or it is older than the TTL it was put with. */
  get(key: PresentmentKey): Promise<CachedPresentment<TBills> | null>;
  /** Keeps the copy for `ttlMs` from now; a TTL of 0 or less keeps nothing. */
  put(key: PresentmentKey, presentment: CachedPresentment<TBills>, ttlMs: number): Promise<void>;
}
