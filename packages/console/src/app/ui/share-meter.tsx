/**
 * How much of a limit is in use, as a meter and a percentage. A float is good enough for the
 * length of a bar; the figures themselves are shown beside it as the API gave them.
 */
export function ShareMeter({
  used,
  max,
  label,
  of,
}: {
  readonly used: number;
  readonly max: number;
  /** Whose use it is, for the meter's accessible name: "Alpha Pay". */
  readonly label: string;
  /** Of what: "the net debit cap". */
  readonly of: string;
}) {
  if (!(max > 0)) return <span class="muted">none declared</span>;
  const value = Math.min(Math.max(used, 0), max);
  const percent = Math.round((Math.max(used, 0) / max) * 100);
  return (
    <span class="cap-use">
      <meter
        min={0}
        max={max}
        value={value}
        low={max * 0.6}
        high={max * 0.85}
        optimum={0}
        aria-label={`${label}: ${percent}% of ${of} used`}
      />
      <span>{percent}%</span>
    </span>
  );
}
