/**
 * The participant API's bodies are I-JSON (RFC 7493): UTF-8 text whose strings hold whole
 * Unicode characters. A body that is not is refused as invalid JSON, so that the bytes the
 * signature covers, the text hashed for idempotency (RFC 8785 refuses unpaired surrogates) and
 * what is stored are one and the same.
 */

/** Fatal: a lenient decoder would store U+FFFD for bytes the participant signed as something else. */
const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** In a `u` regular expression \p{Cs} matches only unpaired surrogates; paired ones form a code point. */
const unpairedSurrogate = /\p{Cs}/u;
/** UTF-8 cannot encode a surrogate: only a \u escape puts one in a parsed string. */
const surrogateEscape = /\\u[dD][89a-fA-F]/;

/** The body as text, or undefined if it is not UTF-8. */
export function utf8Text(body: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(body);
  } catch {
    return undefined;
  }
}

/**
 * Whether a string or key of `value`, parsed from `text`, holds an unpaired surrogate. Walked
 * without recursion, since a body may nest as deep as its size allows, and only when the text
 * has a surrogate escape at all.
 */
export function holdsUnpairedSurrogate(text: string, value: unknown): boolean {
  if (!surrogateEscape.test(text)) return false;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string") {
      if (unpairedSurrogate.test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (unpairedSurrogate.test(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}
