/** Times as the operator reads them: local, to the second, with the ISO value on hover. */
export function Time({ at }: { readonly at: string | null | undefined }) {
  if (at === null || at === undefined) return <span class="muted">—</span>;
  const date = new Date(at);
  return <time dateTime={at}>{Number.isNaN(date.getTime()) ? at : date.toLocaleString()}</time>;
}

/**
 * A state or status as a badge; its class colours it by meaning, its text says it. A `family`
 * gives words that mean something else there their own colours: an open window is business as
 * usual, an open breaker is not.
 */
export function Badge({
  value,
  family,
  label,
}: {
  readonly value: string;
  readonly family?: string;
  /** The text shown, when it should read otherwise than the value. */
  readonly label?: string;
}) {
  const name = value.replace(/[^a-z_]/gi, "");
  return (
    <span class={`badge badge-${family === undefined ? name : `${family}-${name}`}`}>
      {label ?? value}
    </span>
  );
}

export function Money({
  amount,
  currency,
}: {
  readonly amount: string;
  readonly currency?: string;
}) {
  return (
    <span class="money">
      {amount}
      {currency !== undefined && <span class="currency"> {currency}</span>}
    </span>
  );
}

/** Any JSON value, compact, for fields whose shape varies (audit details, trace records). */
export function jsonText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

/** "1 entry", "3 entries": a count with its noun. */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
