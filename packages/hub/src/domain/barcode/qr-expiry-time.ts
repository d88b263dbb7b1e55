/**
 * The expiry of a dynamic code as clearhub's template writes it (sub-tag 03): UTC, fourteen
 * digits YYYYMMDDHHMMSS, whole seconds. Compact, sortable as text, free of time-zone doubt.
 */
const expiryPattern = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})$/;

/** Milliseconds since the epoch, or undefined for text that is not a real UTC instant. */
export function parseQrExpiryTime(text: string): number | undefined {
  const match = expiryPattern.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February into March; a real instant formats back to the same text.
  return formatQrExpiryTime(ms) === text ? ms : undefined;
}

/** Years 0000-9999 fit four digits. */
const yearZeroMs = new Date("0000-01-01T00:00:00Z").getTime();
const expiryMsMax = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The instant, truncated to whole seconds, as YYYYMMDDHHMMSS in UTC; undefined for an instant
 * four digits of year cannot hold (or not a number).
 */
export function formatQrExpiryTime(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < yearZeroMs || ms > expiryMsMax) return undefined;
  return new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, "");
}
