import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SignedRequest, verifyRequest } from "../src/message-verifier.ts";
import { signatureFailureCodes } from "../src/signature-result-code.ts";
import { baseRequest, signed, verifierHarness } from "./signature-fixtures.ts";

const coveredHeaders = ["content-type", "content-digest", "x-clearhub-idempotency"] as const;
const components = ["@method", "@target-uri", ...coveredHeaders];
const request = signed(
  { ...baseRequest, headers: { ...baseRequest.headers, "x-clearhub-idempotency": "idem-42" } },
  { components },
);
const body = Buffer.from(String(request.body));

/** `text` with the character at `index` replaced by one with code `code` (never the same). */
function replaceChar(text: string, index: number, code: number): string {
  const at = index % text.length;
  const original = text.charCodeAt(at);
  const replacement = code === original ? (code + 1) % 256 : code;
  return `${text.slice(0, at)}${String.fromCharCode(replacement)}${text.slice(at + 1)}`;
}

describe("verifyRequest under random changes", () => {
  it("accepts the unchanged request (the baseline the properties depend on)", async () => {
    expect((await verifyRequest({ ...request, body }, verifierHarness().options)).ok).toBe(true);
  });

  it("refuses any single-byte change to the body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (index, delta) => {
        const changed = Buffer.from(body);
        const at = index % changed.length;
        changed[at] = ((changed[at] ?? 0) + delta) % 256;
        const result = await verifyRequest(
          { ...request, body: changed },
          verifierHarness().options,
        );
        expect(result).toEqual({ ok: false, code: "digest_mismatch" });
      }),
    );
  });

  it("refuses any single-character change to a covered header", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...coveredHeaders),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        async (name, index, code) => {
          const value = replaceChar(String(request.headers[name]), index, code);
          const changed = { ...request, body, headers: { ...request.headers, [name]: value } };
          expect((await verifyRequest(changed, verifierHarness().options)).ok).toBe(false);
        },
      ),
    );
  });

  it("refuses any single-character change to the Signature-Input", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 0, max: 255 }), async (index, code) => {
        const value = replaceChar(String(request.headers["signature-input"]), index, code);
        const changed = {
          ...request,
          body,
          headers: { ...request.headers, "signature-input": value },
        };
        expect((await verifyRequest(changed, verifierHarness().options)).ok).toBe(false);
      }),
    );
  });

  // Bytes, not characters: RFC 8941 parsers ignore base64 pad bits, so 16 spellings of the last
  // character decode to the same signature. That is harmless (replay protection keys on the
  // nonce, not the signature text), and it is why this property changes the decoded bytes.
  it("refuses any single-bit change to the signature bytes", async () => {
    const signature = Buffer.from(
      /:(.*):/.exec(String(request.headers.signature))?.[1] ?? "",
      "base64",
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(signature.length * 8 - 1), async (bit) => {
        const changed = Buffer.from(signature);
        changed[bit >> 3] = (changed[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        const header = `sig1=:${changed.toString("base64")}:`;
        const sent = { ...request, body, headers: { ...request.headers, signature: header } };
        expect(await verifyRequest(sent, verifierHarness().options)).toEqual({
          ok: false,
          code: "signature_invalid",
        });
      }),
    );
  });
});

/** Strings that look like structured fields often enough to reach past the parser. */
const fieldLike = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom("sig1=", "(", ")", '"@method"', '"@target-uri"', '"content-digest"', " "),
        fc.constantFrom(
          ";created=1750000000",
          ';keyid="pi-alpha-2025"',
          ';nonce="n0nce-for-tests-0001"',
        ),
        fc.constantFrom(";alg=ed25519", ";expires=1", ", ", ":", "=", "?1", "@12", '%"x"'),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join("")),
);

/** The signed request with any of its parts replaced by garbage, so every check is reached. */
const garbageRequest: fc.Arbitrary<SignedRequest> = fc
  .record(
    {
      method: fc.string({ unit: "binary", maxLength: 10 }),
      url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })),
      headers: fc.record(
        {
          signature: fieldLike,
          "signature-input": fieldLike,
          "content-digest": fieldLike,
          "content-type": fc.oneof(
            fc.string({ unit: "binary" }),
            fc.array(fc.string(), { maxLength: 3 }),
          ),
          "x-clearhub-idempotency": fc.string({ unit: "binary", maxLength: 20 }),
        },
        { requiredKeys: [] },
      ),
      body: fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 }), fc.constant(undefined)),
    },
    { requiredKeys: [] },
  )
  .map((garbage) => ({
    ...request,
    body,
    ...garbage,
    headers: { ...request.headers, ...garbage.headers },
  }));

describe("verifyRequest on garbage", () => {
  it("never throws and always answers a known code", async () => {
    await fc.assert(
      fc.asyncProperty(garbageRequest, async (garbage) => {
        const result = await verifyRequest(garbage, verifierHarness().options);
        if (!result.ok) expect(Object.keys(signatureFailureCodes)).toContain(result.code);
      }),
      { numRuns: 2000 },
    );
  });
});
