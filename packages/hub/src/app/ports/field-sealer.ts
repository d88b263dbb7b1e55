/**
 * Why a sealed value did not open, in order of precedence. Every one is permanent: the same
 * value under the same context will never open, so a caller reports it rather than retrying.
 * - `sealed_malformed`: not sealed text at all (truncated, wrong shape, bad encoding);
 * - `version_unsupported`: sealed by a newer format this hub does not read;
 * - `key_unknown`: sealed under a key id this hub's key ring lacks (a node configured with
 *   different keys, or an old key removed before its rows were rewrapped);
 * - `authentication_failed`: the key is known but the value was altered, or belongs to another
 *   context (copied from another row or column).
 */
export type FieldOpenError =
  | "sealed_malformed"
  | "version_unsupported"
  | "key_unknown"
  | "authentication_failed";

export type FieldOpenResult =
  | { readonly ok: true; readonly plaintext: string }
  | { readonly ok: false; readonly code: FieldOpenError };

/**
 * Encrypts the fields the hub must keep but must not be able to leak from a copied database:
 * card, bank account and ID numbers. A sealed value is bound to its `context`, the place it is
 * stored in; opening it anywhere else fails, so a value pasted into another row cannot be read
 * back through that row. Build contexts with `sealedFieldContext`.
 */
export interface FieldSealer {
  /** Seals `plaintext` (as UTF-8) for `context`; the result is text, safe in any column. */
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): FieldOpenResult;
}

/**
 * The context of a value stored in `table.column` of the row `rowId`, e.g.
 * `transfer_details.parties:t-123`. Table and column are the schema's snake_case names, holding
 * neither '.' nor ':', so the three parts cannot run into each other whatever the row id holds.
 */
export function sealedFieldContext(table: string, column: string, rowId: string): string {
  return `${table}.${column}:${rowId}`;
}
