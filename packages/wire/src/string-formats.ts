import { FormatRegistry } from "@sinclair/typebox";

/** RFC 3339 date-time, as OpenAPI's `date-time` format means it: a zone is required. */
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * TypeBox's compiler knows no string formats of its own: each format an input schema uses is
 * registered here, once, so that it is checked rather than refused as unknown.
 */
export function registerStringFormats(): void {
  if (!FormatRegistry.Has("date-time")) {
    FormatRegistry.Set(
      "date-time",
      (value) => dateTimePattern.test(value) && !Number.isNaN(Date.parse(value)),
    );
  }
}
