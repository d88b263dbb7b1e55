/** In a `u` regular expression \p{Cs} matches only unpaired surrogates; paired ones form a code point. */
const unstorableCharacter = /\p{Cc}|\p{Cs}/u;

/**
 * Text both databases store byte for byte: no control characters (PostgreSQL refuses U+0000
 * outright) and no half characters, so a retry compares equal and a hash over it holds.
 */
export function isStorableText(text: string): boolean {
  return !unstorableCharacter.test(text);
}
