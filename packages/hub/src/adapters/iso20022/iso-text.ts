import { type IsoWriteRefused, refused } from "./iso-write-result.ts";

/**
 * ISO 20022's text types bound length in characters (Unicode code points, as XML Schema counts
 * them), not in UTF-16 units or bytes: a 35-character Chinese name fits Max35Text.
 */
export const isoIdLengthMax = 35;
export const isoAccountIdLengthMax = 34;
export const isoNameLengthMax = 140;
export const isoInfoLengthMax = 500;

export function fitsIsoText(value: string, lengthMax: number): boolean {
  if (value.length === 0) return false;
  // Only long strings need the exact count: a code point is at most two UTF-16 units.
  return value.length <= lengthMax || [...value].length <= lengthMax;
}

/** The refusal for the first field that does not fit, or undefined when all fit. */
export function checkIsoTexts(
  fields: readonly (readonly [field: string, value: string | undefined, lengthMax: number])[],
): IsoWriteRefused | undefined {
  for (const [field, value, lengthMax] of fields) {
    if (value !== undefined && !fitsIsoText(value, lengthMax))
      return refused("text_invalid", field);
  }
  return undefined;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as ISODate writes it, checked for real days (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (match === null) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** An instant as ISODateTime writes it: UTC with milliseconds, e.g. 2026-12-07T01:00:00.000Z. */
export function isoDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
