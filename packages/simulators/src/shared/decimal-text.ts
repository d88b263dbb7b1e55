/**
 * Exact comparison of amounts as the interfaces write them (plain decimal strings, "12.30"),
 * without a currency table: both are scaled to the longer fraction and compared as integers.
 * "12.3" and "12.30" are equal; no float is ever involved.
 */
const decimalPattern = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

function scaled(text: string, fractionDigits: number): bigint {
  const parts = decimalPattern.exec(text);
  if (parts === null) throw new Error(`not a plain decimal: ${text}`);
  const fraction = (parts[2] ?? "").padEnd(fractionDigits, "0");
  return BigInt(`${parts[1]}${fraction}`);
}

function fractionLength(text: string): number {
  const point = text.indexOf(".");
  return point === -1 ? 0 : text.length - point - 1;
}

/** Negative, zero or positive as `a` is less than, equal to or greater than `b`. */
export function compareDecimal(a: string, b: string): number {
  const digits = Math.max(fractionLength(a), fractionLength(b));
  const difference = scaled(a, digits) - scaled(b, digits);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function isPlainDecimal(text: string): boolean {
  return decimalPattern.test(text);
}
