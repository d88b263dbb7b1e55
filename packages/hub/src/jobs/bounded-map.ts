/**
 * Maps `items` through `work` with at most `concurrencyMax` calls under way at once, and
 * answers the results in the items' order. `work` must not reject: a rejection would leave
 * the other calls running unwatched.
 */
export async function boundedMap<Item, Result>(
  items: readonly Item[],
  concurrencyMax: number,
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  if (!Number.isSafeInteger(concurrencyMax) || concurrencyMax < 1) {
    throw new Error(`concurrencyMax must be a positive integer, not ${concurrencyMax}`);
  }
  const results: Result[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as Item);
    }
  };
  const workers = Array.from({ length: Math.min(concurrencyMax, items.length) }, worker);
  await Promise.all(workers);
  return results;
}
