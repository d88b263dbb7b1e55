/**
 * Signed requests with one thing changed: a byte of the signature, a parameter, a header, the
 * key, the clock, the nonce. Each change the hub must refuse is refused with its own stable
 * code and writes nothing; changes that leave the signed message intact (a header name's case,
 * an unsigned header) may pass, and then do exactly what the request asked.
 */
import { randomBytes } from "node:crypto";
import { generateNonce, type SignOptions } from "@clearhub/http-signatures";
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import type { HeaderList, HttpAnswer, HttpRequest } from "./listening-hub.ts";
import {
  expectReadWroteOnlyNonce,
  expectRefusalWroteNothing,
  expectWellFormedAnswer,
  type FuzzNetwork,
  fuzzParameters,
  fuzzTimeoutMs,
  type Signer,
  sendAndCompare,
  signedRequest,
  transfersAdded,
  useFuzzNetwork,
} from "./participant-fuzz-network.ts";
import type { StoreChanges } from "./store-snapshot.ts";

/** What a request asks for before any change: a ping, a read, or a payment. */
type BaseKind = "ping" | "accounts" | "transfer";

/** A request, who signs it and how, before it becomes headers. */
interface Draft {
  readonly kind: BaseKind;
  readonly method: string;
  readonly path: string;
  readonly body: string | undefined;
  readonly by: Signer;
  readonly sign: Partial<SignOptions>;
  /** The transfer a payment creates; undefined for the others. */
  readonly transferId: string | undefined;
}

type SentRequest = HttpRequest & { readonly nonce: string };

const signatureHeaderNames = ["signature", "signature-input", "content-digest"] as const;
type SignatureHeaderName = (typeof signatureHeaderNames)[number];

type Mutation =
  | { readonly kind: "flip-signature-bit"; readonly byte: number; readonly bit: number }
  | { readonly kind: "resize-signature"; readonly bytes: number }
  | { readonly kind: "drop-header"; readonly name: SignatureHeaderName }
  | { readonly kind: "unknown-keyid"; readonly keyId: string }
  | { readonly kind: "another-participants-keyid" }
  | { readonly kind: "skew-created"; readonly seconds: number }
  | { readonly kind: "expired"; readonly secondsAgo: number }
  | { readonly kind: "components"; readonly components: readonly string[] }
  | { readonly kind: "tamper-body" }
  | { readonly kind: "digest-of-another-body" }
  | { readonly kind: "unsigned-body"; readonly contentType: string }
  | { readonly kind: "retarget"; readonly change: "query" | "host" | "method" }
  | { readonly kind: "label-mismatch" }
  | { readonly kind: "malformed-param"; readonly param: string; readonly value: string }
  | { readonly kind: "signer"; readonly who: "revoked" | "terminated" | "biller" }
  | { readonly kind: "replay" }
  | { readonly kind: "rename-case"; readonly name: SignatureHeaderName }
  | { readonly kind: "pad-value"; readonly name: SignatureHeaderName; readonly pad: string }
  | {
      readonly kind: "edit-text";
      readonly name: SignatureHeaderName;
      readonly at: number;
      readonly character: string;
    }
  | { readonly kind: "duplicate-header"; readonly name: SignatureHeaderName | "content-type" }
  | { readonly kind: "extra-header"; readonly name: string; readonly value: string };

/** The hub allows five minutes either way by default. */
const skewSecondsMax = 300;
const tenYearsSeconds = 10 * 365 * 24 * 60 * 60;

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const printableText = (maxLength: number, minLength = 0) =>
  fc.array(printable, { minLength, maxLength }).map((characters) => characters.join(""));

const insufficientComponents: readonly (readonly string[])[] = [
  ["@method", "@target-uri"],
  ["@method", "content-digest"],
  ["@target-uri", "content-digest"],
  ["@method", "@authority", "@path", "content-digest"],
  ["@method", "@path", "@query", "content-digest"],
  ["content-digest"],
];

const malformedParams: readonly (readonly [string, string])[] = [
  ["nonce", '"short"'],
  ["nonce", '"spaces are not allowed in a nonce"'],
  ["nonce", "1234567890123456"],
  ["nonce", `"${"n".repeat(129)}"`],
  ["created", '"1700000000"'],
  ["created", "-5"],
  ["created", "1.5"],
  ["keyid", "42"],
  ["keyid", '""'],
  ["keyid", `"${"k".repeat(257)}"`],
  ["alg", '"rsa-pss-sha512"'],
  ["expires", '"soon"'],
];

/** Headers a client or proxy may add, which the signature does not cover. */
const unsignedHeaderNames = [
  "accept",
  "accept-encoding",
  "content-encoding",
  "content-language",
  "authorization",
  "cookie",
  "origin",
  "user-agent",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "forwarded",
  "x-request-id",
  "x-http-method-override",
  "via",
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("flip-signature-bit" as const),
    byte: fc.nat({ max: 63 }),
    bit: fc.nat({ max: 7 }),
  }),
  fc.record({
    kind: fc.constant("resize-signature" as const),
    bytes: fc.oneof(fc.nat({ max: 63 }), fc.integer({ min: 65, max: 200 })),
  }),
  fc.record({
    kind: fc.constant("drop-header" as const),
    name: fc.constantFrom(...signatureHeaderNames),
  }),
  fc.record({ kind: fc.constant("unknown-keyid" as const), keyId: printableText(256, 1) }),
  fc.constant({ kind: "another-participants-keyid" as const }),
  fc.record({
    kind: fc.constant("skew-created" as const),
    seconds: fc
      .integer({ min: skewSecondsMax + 2, max: tenYearsSeconds })
      .chain((seconds) => fc.constantFrom(seconds, -seconds)),
  }),
  fc.record({
    kind: fc.constant("expired" as const),
    secondsAgo: fc.integer({ min: 2, max: skewSecondsMax - 10 }),
  }),
  fc.record({
    kind: fc.constant("components" as const),
    components: fc.constantFrom(...insufficientComponents),
  }),
  fc.constant({ kind: "tamper-body" as const }),
  fc.constant({ kind: "digest-of-another-body" as const }),
  fc.record({
    kind: fc.constant("unsigned-body" as const),
    contentType: fc.constantFrom(
      "application/json",
      "text/plain",
      "application/octet-stream",
      "text/html",
    ),
  }),
  fc.record({
    kind: fc.constant("retarget" as const),
    change: fc.constantFrom("query" as const, "host" as const, "method" as const),
  }),
  fc.constant({ kind: "label-mismatch" as const }),
  fc
    .constantFrom(...malformedParams)
    .map(([param, value]) => ({ kind: "malformed-param" as const, param, value })),
  fc.record({
    kind: fc.constant("signer" as const),
    who: fc.constantFrom("revoked" as const, "terminated" as const, "biller" as const),
  }),
  fc.constant({ kind: "replay" as const }),
  fc.record({
    kind: fc.constant("rename-case" as const),
    name: fc.constantFrom(...signatureHeaderNames),
  }),
  fc.record({
    kind: fc.constant("pad-value" as const),
    name: fc.constantFrom(...signatureHeaderNames),
    pad: fc.constantFrom(" ", "\t", "  \t"),
  }),
  fc.record({
    kind: fc.constant("edit-text" as const),
    name: fc.constantFrom(...signatureHeaderNames),
    at: fc.nat(),
    character: printable,
  }),
  fc.record({
    kind: fc.constant("duplicate-header" as const),
    name: fc.constantFrom(...signatureHeaderNames, "content-type" as const),
  }),
  fc.record({
    kind: fc.constant("extra-header" as const),
    name: fc.oneof(
      fc.constantFrom(...unsignedHeaderNames),
      fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
    ),
    value: printableText(200).map((value) => value.trim()),
  }),
);

const baseKind = fc.constantFrom<BaseKind>("ping", "accounts", "transfer", "transfer");

/** What the hub must answer to a change: refuse it with one of these codes, pass it, or either. */
type Expectation =
  | { readonly outcome: "refused"; readonly codes: readonly string[] }
  | { readonly outcome: "passes" }
  | { readonly outcome: "either" };

const refused = (...codes: string[]): Expectation => ({ outcome: "refused", codes });

function expectationOf(change: Mutation, kind: BaseKind): Expectation {
  switch (change.kind) {
    case "flip-signature-bit":
    case "another-participants-keyid":
      return refused("signature_invalid");
    case "resize-signature":
    case "malformed-param":
      return refused("signature_malformed");
    case "drop-header":
      // A covered header that is missing makes the signature base impossible to build.
      return change.name === "content-digest"
        ? refused("signature_malformed")
        : refused("signature_missing");
    case "label-mismatch":
      return refused("signature_missing");
    case "unknown-keyid":
      return refused("key_unknown");
    case "skew-created":
    case "expired":
      return refused("signature_created_out_of_window");
    case "components":
      return refused("signature_components_insufficient");
    case "digest-of-another-body":
      return refused("digest_mismatch");
    case "tamper-body":
    case "unsigned-body":
      // A GET's body is never read, so there is nothing unsigned to act on. Any other body
      // must be the one the signature vouches for: the hub never acts on one it did not cover.
      if (kind === "accounts") return { outcome: "passes" };
      return refused("digest_mismatch", "media_type_unsupported");
    case "retarget":
      return change.change === "method"
        ? refused("route_not_found", "signature_invalid")
        : refused("signature_invalid");
    case "signer":
      if (change.who === "revoked") return refused("key_revoked");
      if (change.who === "terminated") return refused("key_owner_terminated");
      return kind === "transfer" ? refused("operation_not_permitted") : { outcome: "passes" };
    case "replay":
      return refused("nonce_replayed");
    case "rename-case":
    case "pad-value":
      return { outcome: "passes" };
    case "edit-text":
    case "duplicate-header":
    case "extra-header":
      return { outcome: "either" };
  }
}

describeEachBackend("participant API fuzz: signatures and headers", (backend) => {
  const network = useFuzzNetwork(backend);

  function draft(net: FuzzNetwork, kind: BaseKind, by: Signer = net.payer): Draft {
    const common = { kind, by, sign: { nonce: generateNonce() } };
    if (kind === "ping") {
      const body = '{"hello":"hub"}';
      return { ...common, method: "POST", path: "/v1/ping", body, transferId: undefined };
    }
    if (kind === "accounts") {
      return {
        ...common,
        method: "GET",
        path: "/v1/accounts",
        body: undefined,
        transferId: undefined,
      };
    }
    const transferId = net.freshTransferId();
    const payment = {
      id: transferId,
      payee: net.payee.participantId,
      amount: "0.01",
      currency: "EUR",
    };
    return {
      ...common,
      method: "POST",
      path: "/v1/transfers",
      body: JSON.stringify(payment),
      transferId,
    };
  }

  function seal(net: FuzzNetwork, request: Draft): SentRequest {
    const { by, method, path, body, sign } = request;
    return signedRequest(net.hub.origin, by, method, path, body, { sign });
  }

  function apply(net: FuzzNetwork, base: Draft, change: Mutation): SentRequest {
    const sealed = seal(net, base);
    const headers = sealed.headers;
    const resign = (sign: Partial<SignOptions>, overrides: Partial<Draft> = {}) =>
      seal(net, { ...base, ...overrides, sign: { ...base.sign, ...sign } });
    switch (change.kind) {
      case "flip-signature-bit":
        return withHeader(sealed, "signature", (value) =>
          mapSignatureBytes(value, (bytes) => {
            bytes[change.byte] = (bytes[change.byte] ?? 0) ^ (1 << change.bit);
            return bytes;
          }),
        );
      case "resize-signature":
        return withHeader(sealed, "signature", (value) =>
          mapSignatureBytes(value, () => randomBytes(change.bytes)),
        );
      case "drop-header":
        return { ...sealed, headers: headers.filter(([name]) => name !== change.name) };
      case "unknown-keyid":
        return resign({ keyId: change.keyId });
      case "another-participants-keyid":
        return resign({ keyId: net.payee.keyId });
      case "skew-created":
        return resign({ createdSeconds: nowSeconds() + change.seconds });
      case "expired":
        return resign({ expiresSeconds: nowSeconds() - change.secondsAgo });
      case "components":
        return resign({ components: change.components });
      case "tamper-body":
        return { ...sealed, body: `${sealed.body ?? ""} ` };
      case "digest-of-another-body":
        return { ...resign({}, { body: '{"other":"body"}' }), body: sealed.body };
      case "unsigned-body": {
        const bodyless = resign({}, { body: undefined });
        const body = sealed.body ?? '{"unsigned":true}';
        return {
          ...bodyless,
          body,
          headers: [["content-type", change.contentType], ...bodyless.headers],
        };
      }
      case "retarget":
        if (change.change === "query") return { ...sealed, path: `${sealed.path}?page=2` };
        if (change.change === "host")
          return { ...sealed, headers: [["host", `localhost:${net.hub.port}`], ...headers] };
        return { ...sealed, method: sealed.method === "GET" ? "DELETE" : "PUT" };
      case "label-mismatch":
        return withHeader(sealed, "signature", (value) => value.replace(/^sig1=/, "sig2="));
      case "malformed-param":
        return withHeader(sealed, "signature-input", (value) =>
          setParam(value, change.param, change.value),
        );
      case "signer": {
        const who =
          change.who === "revoked"
            ? net.revoked
            : change.who === "terminated"
              ? net.terminated
              : net.biller;
        return seal(net, draft(net, base.kind, who));
      }
      case "replay":
        return sealed;
      case "rename-case":
        return {
          ...sealed,
          headers: headers.map(([name, value]) => [
            name === change.name ? titleCase(name) : name,
            value,
          ]),
        };
      case "pad-value":
        return withHeader(sealed, change.name, (value) => `${change.pad}${value}${change.pad}`);
      case "edit-text":
        return withHeader(sealed, change.name, (value) => {
          const at = change.at % value.length;
          return `${value.slice(0, at)}${change.character}${value.slice(at + 1)}`;
        });
      case "duplicate-header": {
        const line = headers.find(([name]) => name === change.name);
        return line === undefined ? sealed : { ...sealed, headers: [...headers, line] };
      }
      case "extra-header":
        return { ...sealed, headers: [...headers, [change.name, change.value]] };
    }
  }

  /** Sends a valid request once, expecting success, so that sending it again is a replay. */
  async function sendOnce(net: FuzzNetwork, request: SentRequest): Promise<void> {
    const first = await net.hub.send(request);
    expect(first.status, first.body).toBeLessThan(300);
  }

  it(
    "refuses every change to what was signed with its own code, writes nothing for it, and lets harmless ones through",
    async () => {
      const net = network();
      await fc.assert(
        fc.asyncProperty(baseKind, mutation, async (kind, change) => {
          const base = draft(net, kind);
          const request = apply(net, base, change);
          if (change.kind === "replay") await sendOnce(net, request);
          const { answer, changes, serverErrors } = await sendAndCompare(net, request);
          const problem = expectWellFormedAnswer(answer, serverErrors);
          const expectation = expectationOf(change, kind);
          if (expectation.outcome === "refused") {
            expect(expectation.codes, `${answer.status} ${answer.body}`).toContain(problem?.code);
          } else if (expectation.outcome === "passes") {
            expect(problem, answer.body).toBeUndefined();
          }
          if (problem !== undefined) expectRefusalWroteNothing(changes, problem, request);
          else expectBaseEffect(base, request, answer, changes);
        }),
        fuzzParameters(200),
      );
    },
    fuzzTimeoutMs,
  );

  it("still answers a correctly signed payment after all of that", async () => {
    const net = network();
    const base = draft(net, "transfer");
    const answer = await net.hub.send(seal(net, base));
    expect(answer.status, answer.body).toBe(201);
  });
});

function expectBaseEffect(
  base: Draft,
  request: SentRequest,
  answer: HttpAnswer,
  changes: StoreChanges,
): void {
  if (base.transferId === undefined) {
    expectReadWroteOnlyNonce(changes, request.nonce);
    return;
  }
  expect(answer.status, answer.body).toBe(201);
  expect(transfersAdded(changes)).toEqual([base.transferId]);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function withHeader<T extends { readonly headers: HeaderList }>(
  request: T,
  name: string,
  change: (value: string) => string,
): T {
  return {
    ...request,
    headers: request.headers.map(([header, value]) => [
      header,
      header === name ? change(value) : value,
    ]),
  };
}

/** Rewrites the bytes of `sig1=:<base64>:` and writes them back in the same form. */
function mapSignatureBytes(value: string, change: (bytes: Buffer) => Buffer): string {
  const match = /^(\w+)=:([^:]*):$/.exec(value);
  if (match === null) throw new Error(`not a single signature: ${value}`);
  return `${match[1]}=:${change(Buffer.from(match[2] ?? "", "base64")).toString("base64")}:`;
}

/** Sets a parameter of the Signature-Input member to raw text, replacing the one there. */
function setParam(input: string, param: string, value: string): string {
  const existing = new RegExp(`;${param}=("[^"]*"|[^;]*)`);
  return existing.test(input)
    ? input.replace(existing, `;${param}=${value}`)
    : `${input};${param}=${value}`;
}

function titleCase(name: string): string {
  return name.replace(
    /(^|-)([a-z])/g,
    (_all, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`,
  );
}
