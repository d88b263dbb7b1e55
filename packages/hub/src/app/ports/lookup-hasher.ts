/**
 * Keyed hashes of customer data, so that a store can find rows by a value it holds only
 * sealed (a blind index): equal values under one key give equal hashes, and a copied database
 * without the key cannot test a guessed value against them, as it could an unkeyed hash of a
 * short account number. `purpose` separates uses: the same value hashed for two purposes gives
 * unrelated hashes.
 */
export interface LookupHasher {
  /** The hash a new row stores: under the current key. */
  hash(text: string, purpose: string): string;
  /**
   * Every hash a stored row may hold for the text, one per key the hub still has, the current
   * first: rows written before a key rotation are found until they are rewritten.
   */
  candidates(text: string, purpose: string): readonly string[];
}
