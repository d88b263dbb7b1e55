import { type InnerList, type Item, serializeInnerList, serializeItem } from "structured-headers";
import type { HeaderFields } from "./header-fields.ts";
import {
  type ComponentValue,
  fieldComponentValue,
  isComponentValueSignable,
  type RequestDescription,
  requestComponentValue,
  type SignatureBaseResult,
} from "./signature-base.ts";
import { coveredComponentsCountMax } from "./signature-params.ts";

/** A response as its signer and its verifier see it. */
export interface ResponseDescription {
  readonly status: number;
  readonly headers: HeaderFields;
}

/**
 * A component a response signature covers: of the response itself, or, with `fromRequest`
 * (the `req` flag of RFC 9421 §2.4), of the request it answers. Covering the request's own
 * signature input binds the answer to that one request, so it cannot be replayed as the
 * answer to another.
 */
export interface ResponseComponent {
  readonly name: string;
  readonly fromRequest?: boolean;
}

function componentKey(component: ResponseComponent): string {
  return component.fromRequest === true ? `${component.name};req` : component.name;
}

function componentItem(component: ResponseComponent): Item {
  return [component.name, new Map(component.fromRequest === true ? [["req", true]] : [])];
}

/** The Signature-Input items naming `components`, the request's flagged `req`. */
export function responseComponentsToItems(components: readonly ResponseComponent[]): Item[] {
  return components.map(componentItem);
}

/**
 * The covered components, or undefined unless each is a string whose only parameter, if any,
 * is `req` set to true, none repeats, and there are at most `coveredComponentsCountMax`.
 */
export function readResponseComponents(input: InnerList): ResponseComponent[] | undefined {
  const [items] = input;
  if (items.length > coveredComponentsCountMax) return undefined;
  const components: ResponseComponent[] = [];
  const seen = new Set<string>();
  for (const [name, itemParams] of items) {
    if (typeof name !== "string") return undefined;
    const fromRequest = itemParams.get("req");
    if (itemParams.size > (fromRequest === undefined ? 0 : 1)) return undefined;
    if (fromRequest !== undefined && fromRequest !== true) return undefined;
    const component = { name, fromRequest: fromRequest === true };
    if (seen.has(componentKey(component))) return undefined;
    seen.add(componentKey(component));
    components.push(component);
  }
  return components;
}

function statusValue(status: number): ComponentValue {
  return Number.isInteger(status) && status >= 100 && status <= 999
    ? { ok: true, value: String(status) }
    : { ok: false, code: "component_value_invalid" };
}

/**
 * A response has a status and header fields of its own; every other derived component (the
 * method, the target) is the request's and must be flagged `req`.
 */
function responseComponentValue(
  response: ResponseDescription,
  request: RequestDescription,
  component: ResponseComponent,
): ComponentValue {
  if (component.fromRequest === true) {
    if (component.name === "@status") return { ok: false, code: "component_unsupported" };
    return requestComponentValue(request, component.name);
  }
  if (component.name === "@status") return statusValue(response.status);
  return fieldComponentValue(response.headers, component.name);
}

/**
 * The signature base (RFC 9421 §2.5) of a response signature whose Signature-Input member is
 * `input`: one line per covered component, each named as RFC 8941 serialises it (`"@method";req`
 * for a component of the request), then the `@signature-params` line.
 */
export function buildResponseSignatureBase(
  response: ResponseDescription,
  request: RequestDescription,
  input: InnerList,
): SignatureBaseResult {
  const components = readResponseComponents(input);
  if (components === undefined) return { ok: false, code: "component_unsupported" };
  const lines: string[] = [];
  for (const component of components) {
    const found = responseComponentValue(response, request, component);
    const name = componentKey(component);
    if (!found.ok) return { ok: false, code: found.code, component: name };
    if (!isComponentValueSignable(found.value)) {
      return { ok: false, code: "component_value_invalid", component: name };
    }
    lines.push(`${serializeItem(componentItem(component))}: ${found.value}`);
  }
  lines.push(`"@signature-params": ${serializeInnerList(input)}`);
  return { ok: true, base: lines.join("\n") };
}
