/**
 * A request's header fields as the hub, webhooks and the SDK hold them: Node's
 * IncomingHttpHeaders, a plain object, or a fetch Headers copied into one. Names may come in any
 * case, and a field may arrive as several lines.
 */
export type HeaderFields = Readonly<Record<string, string | readonly string[] | undefined>>;

/** RFC 9421 §2.1 trims optional whitespace (space and tab only) from each field line. */
const fieldLineEdgeWhitespace = /^[ \t]+|[ \t]+$/g;

/**
 * The value of one field, canonicalised as RFC 9421 §2.1 requires: each line trimmed, the lines
 * joined by ", ". Undefined when the message lacks the field. `name` must be lowercase.
 */
export function fieldValue(headers: HeaderFields, name: string): string | undefined {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || key.toLowerCase() !== name) continue;
    for (const line of typeof value === "string" ? [value] : value) {
      lines.push(line.replace(fieldLineEdgeWhitespace, ""));
    }
  }
  return lines.length === 0 ? undefined : lines.join(", ");
}

/** A copy of `headers` without the field `name` (any case), so a caller can set it afresh. */
export function withoutField(headers: HeaderFields, name: string): HeaderFields {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name));
}
