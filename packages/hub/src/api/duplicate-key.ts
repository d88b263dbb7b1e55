/**
 * JSON (RFC 8259) leaves repeated member names to the parser, and JSON.parse keeps the last:
 * `{"id":"a","id":"b"}` would book `b` while a reader of the body, or of a log, sees `a`.
 * I-JSON (RFC 7493) forbids them, and so does the hub: this finds the first one.
 */

/** Where an object is open: its names so far; an array has none. */
type Open = Set<string> | null;

/** Index of the quote closing the string that opens at `start`, in text known to be JSON. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/**
 * The first member name repeated within one object of `text`, compared after unescaping (so
 * `"id"` and `"\u0069d"` are the same name), or undefined. `text` must already have parsed as
 * JSON: the scan trusts its structure. One pass, no recursion, whatever the nesting.
 */
export function firstDuplicateKey(text: string): string | undefined {
  const open: Open[] = [];
  let nameNext = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      const end = stringEnd(text, index);
      if (nameNext) {
        const raw = text.slice(index, end + 1);
        const name: string = raw.includes("\\") ? JSON.parse(raw) : raw.slice(1, -1);
        const names = open.at(-1) as Set<string>;
        if (names.has(name)) return name;
        names.add(name);
        nameNext = false;
      }
      index = end;
    } else if (char === "{") {
      open.push(new Set());
      nameNext = true;
    } else if (char === "[") {
      open.push(null);
    } else if (char === "}" || char === "]") {
      open.pop();
      nameNext = false;
    } else if (char === ",") {
      nameNext = open.at(-1) !== null && open.length > 0;
    }
  }
  return undefined;
}
