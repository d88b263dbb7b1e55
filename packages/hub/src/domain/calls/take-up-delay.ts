/**
 * Waits between take-ups of an unsettled operation (inquiries, or calls sent again): doubling
 * from the first, capped; bounded like every loop.
 */
export function takeUpDelayMs(takeUps: number, firstMs: number, capMs: number): number {
  const doublings = Math.min(takeUps, 20);
  return Math.min(firstMs * 2 ** doublings, capMs);
}
