/**
 * PostgreSQL array literals built in one pass. The batch path sends each column of thousands
 * of rows as one array parameter; node-postgres would escape element by element through
 * several generic helpers, which costs more than the database's own work on the rows.
 */

const quoteOrBackslash = /["\\]/g;

/** `{"a","b",NULL}`: every element quoted, so no value (not even "NULL") is read as a keyword. */
export function textArrayLiteral(values: readonly (string | null)[]): string {
  let literal = "{";
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (index > 0) literal += ",";
    literal += value == null ? "NULL" : `"${value.replace(quoteOrBackslash, "\\$&")}"`;
  }
  return `${literal}}`;
}

/** `{1,2,NULL}` for integer columns of any width. */
export function integerArrayLiteral(values: readonly (number | bigint | null)[]): string {
  let literal = "{";
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (index > 0) literal += ",";
    literal += value == null ? "NULL" : String(value);
  }
  return `${literal}}`;
}
