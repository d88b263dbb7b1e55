import { FormatRegistry } from "@sinclair/typebox";

/** RFC 3339 date-time, as OpenAPI's `date-time` format means it: a zone is required. */
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date that exists: 2026-02-30 matches the pattern but is no day. */
function isDate(value: string): boolean {
  const parts = datePattern.exec(value);
  if (parts === null) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCDate() === Number(parts[3]);
}

/**
 * TypeBox's compiler knows no string formats of its own: a party checking a wire message with
 * it registers the formats the interfaces use, once, so that they are checked rather than
 * refused as unknown. Registering again (or beside the hub's own registration) changes nothing.
 */
export function registerStringFormats(): void {
  if (!FormatRegistry.Has("date-time")) {
    FormatRegistry.Set(
      "date-time",
      (value) => dateTimePattern.test(value) && !Number.isNaN(Date.parse(value)),
    );
  }
  if (!FormatRegistry.Has("date")) FormatRegistry.Set("date", isDate);
}
