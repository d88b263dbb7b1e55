import type { InnerList } from "structured-headers";
import { describe, expect, it } from "vitest";
import {
  buildSignatureBase,
  type RequestDescription,
  type SignatureBaseFailureCode,
} from "../src/signature-base.ts";

const params = new Map([["created", 1]]);

function inputOf(...components: string[]): InnerList {
  return [components.map((component) => [component, new Map()]), params];
}

function componentLine(request: RequestDescription, component: string): string | undefined {
  const built = buildSignatureBase(request, inputOf(component));
  return built.ok ? built.base.split("\n")[0] : built.code;
}

const request: RequestDescription = {
  method: "POST",
  url: "HTTPS://Hub.Example:443/v1/transfers?b=2&a=1#section",
  headers: {
    "Content-Type": "  application/json \t",
    accept: ["text/plain", " application/json"],
    "x-empty": "",
  },
};

describe("buildSignatureBase derives", () => {
  it.each([
    ["@method", '"@method": POST'],
    ["@target-uri", '"@target-uri": https://hub.example/v1/transfers?b=2&a=1'],
    ["@authority", '"@authority": hub.example'],
    ["@scheme", '"@scheme": https'],
    ["@path", '"@path": /v1/transfers'],
    ["@query", '"@query": ?b=2&a=1'],
    ["content-type", '"content-type": application/json'],
    ["accept", '"accept": text/plain, application/json'],
    ["x-empty", '"x-empty": '],
  ])("%s", (component, line) => {
    expect(componentLine(request, component)).toBe(line);
  });

  it("an absent query and an empty one both as ?", () => {
    expect(componentLine({ ...request, url: "https://hub.example/v1" }, "@query")).toBe(
      '"@query": ?',
    );
    expect(componentLine({ ...request, url: "https://hub.example/v1?" }, "@query")).toBe(
      '"@query": ?',
    );
  });

  it("a non-default port as part of the authority", () => {
    const local = { ...request, url: "http://127.0.0.1:8080/" };
    expect(componentLine(local, "@authority")).toBe('"@authority": 127.0.0.1:8080');
  });

  it("the @signature-params line last, from the serialised parameters", () => {
    const built = buildSignatureBase(request, [
      [["@method", new Map()]],
      new Map<string, string | number>([
        ["created", 7],
        ["keyid", "k"],
      ]),
    ]);
    expect(built).toEqual({
      ok: true,
      base: '"@method": POST\n"@signature-params": ("@method");created=7;keyid="k"',
    });
  });
});

describe("buildSignatureBase refuses", () => {
  const failures: Array<[string, RequestDescription, InnerList, SignatureBaseFailureCode]> = [
    ["an absent header", request, inputOf("content-digest"), "component_absent"],
    ["an uppercase field name", request, inputOf("Content-Type"), "component_unsupported"],
    ["an unknown derived component", request, inputOf("@request-target"), "component_unsupported"],
    [
      "@signature-params as a component",
      request,
      inputOf("@signature-params"),
      "component_unsupported",
    ],
    ["a repeated component", request, inputOf("@method", "@method"), "component_unsupported"],
    [
      "a component with parameters",
      request,
      [[["content-type", new Map([["sf", true]])]], params],
      "component_unsupported",
    ],
    ["a non-string component", request, [[[7, new Map()]], params], "component_unsupported"],
    [
      "a newline in a value",
      { ...request, headers: { "x-a": '1\n"@method": GET' } },
      inputOf("x-a"),
      "component_value_invalid",
    ],
    [
      "a non-ASCII value",
      { ...request, headers: { "x-a": "café" } },
      inputOf("x-a"),
      "component_value_invalid",
    ],
    [
      "a relative URL",
      { ...request, url: "/v1/transfers" },
      inputOf("@path"),
      "target_uri_invalid",
    ],
    [
      "a non-HTTP URL",
      { ...request, url: "ftp://hub.example/x" },
      inputOf("@target-uri"),
      "target_uri_invalid",
    ],
  ];

  it.each(failures)("%s", (_name, description, input, code) => {
    expect(buildSignatureBase(description, input)).toMatchObject({ ok: false, code });
  });

  it("nothing about the URL when no URL component is covered", () => {
    expect(buildSignatureBase({ ...request, url: "not a url" }, inputOf("@method")).ok).toBe(true);
  });
});
