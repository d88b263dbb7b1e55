/**
 * The opaque cursors of the operator's lists: base64url of a JSON array whose first element
 * names the list, so a cursor from one list (or a participant's) is refused by another rather
 * than read as something else. Each list checks the fields' shapes itself.
 */
export function writeOperatorCursor(list: string, fields: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...fields]), "utf8").toString("base64url");
}

const cursorLengthMax = 512;

/** The fields of a cursor written for `list`, or undefined for anything else. */
export function readOperatorCursor(list: string, text: string): unknown[] | undefined {
  if (text.length > cursorLengthMax || !/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded[0] !== list) return undefined;
  return decoded.slice(1);
}
