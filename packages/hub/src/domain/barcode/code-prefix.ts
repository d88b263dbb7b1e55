/**
 * The hub's code-prefix routing table: ranges of numbers, like card BINs, each assigned to one
 * issuer (a payment institution: a wallet or a prepaid card issuer). A consumer-presented
 * payment code or a prepaid card number is routed to the issuer whose prefix it starts with.
 *
 * No entry may overlap another: neither prefix may be a prefix of the other (nor equal). With
 * overlaps allowed, a number could match two entries, and routing would have to pick one by a
 * rule (longest match, say) that nobody reading the table sees at a glance; a payment sent to
 * the wrong institution is paid by someone who never authorised it. Refusing overlaps makes
 * every number match at most one entry, whatever order the table is read in.
 */

export const codeInstruments = ["payment_code", "prepaid_card"] as const;
/** `payment_code`: a wallet's one-time code; `prepaid_card`: a card number shown at a terminal. */
export type CodeInstrument = (typeof codeInstruments)[number];

export const codePrefixLengthMin = 2;
export const codePrefixLengthMax = 10;
export const codePrefixPattern = /^[0-9]{2,10}$/;
/** Longer than any payment code or card number (19 digits), short enough to refuse junk early. */
export const routedNumberLengthMax = 32;

export interface CodePrefixEntry {
  readonly prefix: string;
  /** The issuer's participant id. */
  readonly issuerId: string;
  readonly instrument: CodeInstrument;
  readonly createdAt: number;
}

export function isCodePrefix(text: string): boolean {
  return codePrefixPattern.test(text);
}

export function isCodeInstrument(text: string): text is CodeInstrument {
  return (codeInstruments as readonly string[]).includes(text);
}

/** True when one prefix starts the other: some number would match both. */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** The first entry that `prefix` would overlap, or undefined when it may be added. */
export function overlappingEntry<Entry extends { readonly prefix: string }>(
  entries: readonly Entry[],
  prefix: string,
): Entry | undefined {
  return entries.find((entry) => prefixesOverlap(entry.prefix, prefix));
}

/**
 * The entry a number routes to: the one whose prefix it starts with, longer than the prefix
 * (a number that is only the prefix names nobody's customer). Undefined for a number that is
 * not all digits or that no entry covers. With a table free of overlaps, at most one matches.
 */
export function routeByPrefix<Entry extends { readonly prefix: string }>(
  entries: readonly Entry[],
  number: string,
): Entry | undefined {
  if (number.length > routedNumberLengthMax || !/^[0-9]+$/.test(number)) return undefined;
  return entries.find(
    (entry) => number.length > entry.prefix.length && number.startsWith(entry.prefix),
  );
}
