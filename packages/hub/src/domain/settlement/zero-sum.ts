/**
 * Every currency sums to zero: net positions, settlement instructions, legs. Checked where
 * they are made, so a broken figure never reaches a file or the ledger.
 */
export function assertSumsToZero(amounts: readonly bigint[], what: string): void {
  const sum = amounts.reduce((total, amount) => total + amount, 0n);
  if (sum !== 0n) throw new Error(`${what} sum to ${sum}, not zero`);
}
