import { type InnerList, serializeInnerList } from "structured-headers";
import { fieldValue, type HeaderFields } from "./header-fields.ts";
import { coveredComponents } from "./signature-params.ts";

/**
 * A request as every party sees it: the hub from its HTTP server, the hub's webhook sender and
 * the SDK from what they are about to send. `url` is absolute; both sides pass it through the
 * WHATWG URL parser, which is what fetch sends on the wire, so they derive the same components.
 */
export interface RequestDescription {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderFields;
}

export const signatureBaseFailureCodes = {
  component_unsupported: {
    meaning:
      "A covered component is not a string, has parameters, repeats, is not lowercase, or is a derived component the hub does not support.",
  },
  component_absent: { meaning: "A covered header field is not in the message." },
  component_value_invalid: {
    meaning:
      "A covered value holds a character outside visible US-ASCII, space and tab, so the signature base would be ambiguous.",
  },
  target_uri_invalid: { meaning: "The request URL is not an absolute http or https URL." },
} as const satisfies Record<string, { meaning: string }>;

export type SignatureBaseFailureCode = keyof typeof signatureBaseFailureCodes;

export type SignatureBaseResult =
  | { ok: true; base: string }
  | { ok: false; code: SignatureBaseFailureCode; component?: string };

/** The derived components (RFC 9421 §2.2) taken from the URL. */
const urlComponents = ["@target-uri", "@authority", "@scheme", "@path", "@query"] as const;
type UrlComponent = (typeof urlComponents)[number];

/** The derived components a request signature may cover. */
export const derivedComponents = ["@method", ...urlComponents] as const;

/** RFC 9110 token characters, lowercase only: RFC 9421 §2.1 names fields in lowercase. */
const fieldNameFormat = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
/** The signature base is US-ASCII (RFC 9421 §2.5); a newline would forge an extra line. */
const componentValueFormat = /^[\x20-\x7e\t]*$/;

function isUrlComponent(name: string): name is UrlComponent {
  return (urlComponents as readonly string[]).includes(name);
}

function parseHttpUrl(text: string): URL | undefined {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  return url?.protocol === "http:" || url?.protocol === "https:" ? url : undefined;
}

function urlComponentValue(url: URL, name: UrlComponent): string {
  switch (name) {
    case "@target-uri":
      // The fragment never reaches the server, so it cannot be part of what is signed.
      return url.href.slice(0, url.href.length - url.hash.length);
    case "@authority":
      return url.host;
    case "@scheme":
      return url.protocol.slice(0, -1);
    case "@path":
      return url.pathname;
    case "@query":
      // An absent query and an empty one both read "?" (RFC 9421 §2.2.7).
      return `?${url.search.slice(1)}`;
  }
}

export type ComponentValue =
  | { ok: true; value: string }
  | { ok: false; code: SignatureBaseFailureCode };

function componentValue(
  request: RequestDescription,
  url: URL | undefined,
  name: string,
): ComponentValue {
  if (name === "@method") return { ok: true, value: request.method };
  if (isUrlComponent(name)) {
    if (url === undefined) return { ok: false, code: "target_uri_invalid" };
    return { ok: true, value: urlComponentValue(url, name) };
  }
  return fieldComponentValue(request.headers, name);
}

/** A header field as a component: its canonical value, if the message has it. */
export function fieldComponentValue(headers: HeaderFields, name: string): ComponentValue {
  if (!fieldNameFormat.test(name)) return { ok: false, code: "component_unsupported" };
  const value = fieldValue(headers, name);
  return value === undefined ? { ok: false, code: "component_absent" } : { ok: true, value };
}

/** One component of `request`, as a response signature reads it with the `req` flag. */
export function requestComponentValue(request: RequestDescription, name: string): ComponentValue {
  return componentValue(request, parseHttpUrl(request.url), name);
}

/** Whether a component value can stand on a line of a signature base. */
export function isComponentValueSignable(value: string): boolean {
  return componentValueFormat.test(value);
}

/**
 * The signature base (RFC 9421 §2.5) for the Signature-Input member `input`: one line per
 * covered component, then the `@signature-params` line. The parameters are serialised from
 * the parsed member, which RFC 8941 makes canonical, so signer and verifier agree on the text.
 */
export function buildSignatureBase(
  request: RequestDescription,
  input: InnerList,
): SignatureBaseResult {
  const components = coveredComponents(input);
  if (components === undefined) return { ok: false, code: "component_unsupported" };
  const url = parseHttpUrl(request.url);
  const lines: string[] = [];
  for (const component of components) {
    const found = componentValue(request, url, component);
    if (!found.ok) return { ok: false, code: found.code, component };
    if (!componentValueFormat.test(found.value)) {
      return { ok: false, code: "component_value_invalid", component };
    }
    lines.push(`"${component}": ${found.value}`);
  }
  lines.push(`"@signature-params": ${serializeInnerList(input)}`);
  return { ok: true, base: lines.join("\n") };
}
