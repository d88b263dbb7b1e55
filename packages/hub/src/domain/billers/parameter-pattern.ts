import { RE2JS } from "re2js";
import safeRegex from "safe-regex2";

/**
 * A customer parameter's pattern: a regular expression the operator registers and every
 * channel's input is matched against, so it runs on untrusted text on the hub's request path.
 * Two guards, both at registration:
 *
 * - the hub compiles and runs it with RE2JS, a port of RE2: matching takes time linear in the
 *   input whatever the pattern, and constructs that need backtracking (back-references,
 *   look-around) do not compile at all;
 * - safe-regex2 refuses nested quantifiers (`(a+)+`), because channels read the pattern from
 *   the catalogue and will often run it in their own backtracking engine (JavaScript's,
 *   Java's), where such a pattern takes exponential time on a crafted input.
 *
 * The pattern must also compile as a JavaScript `u` regular expression, the engine the SDK's
 * users have. It always matches the whole value: it is anchored here, not by the operator.
 */
export const patternLengthMax = 256;

export type PatternRefusal = "parameter_pattern_invalid" | "parameter_pattern_unsafe";

/** Compiled matchers by pattern: profiles are few and change rarely, so this stays small. */
const compiled = new Map<string, RE2JS>();
const compiledMax = 1024;

function compile(pattern: string): RE2JS {
  let matcher = compiled.get(pattern);
  if (matcher === undefined) {
    matcher = RE2JS.compile(`(?:${pattern})`);
    if (compiled.size >= compiledMax) compiled.clear();
    compiled.set(pattern, matcher);
  }
  return matcher;
}

/** Why the pattern cannot be registered, or undefined when it can. */
export function checkPattern(pattern: string): PatternRefusal | undefined {
  if (pattern.length === 0 || pattern.length > patternLengthMax) {
    return "parameter_pattern_invalid";
  }
  try {
    new RegExp(pattern, "u");
    compile(pattern);
  } catch {
    return "parameter_pattern_invalid";
  }
  return safeRegex(pattern) ? undefined : "parameter_pattern_unsafe";
}

/** True when the whole value matches a pattern that passed checkPattern. */
export function matchesPattern(pattern: string, value: string): boolean {
  return compile(pattern).matches(value);
}
