/**
 * What the participant API fuzz sends: bodies from well-formed transfers to bytes that are not
 * text, content types, and every /v1 route with paths and queries that try its parsing. JSON is
 * built as text, so that it can hold what JSON.stringify never writes: numbers beyond a double,
 * duplicate keys, prototype keys, nesting deeper than any parser's stack.
 */
import fc from "fast-check";
import { pendingTimeoutMsMax } from "../../src/domain/ledger/transfer.ts";
import { passesLuhnCheck } from "../../src/domain/sensitive/luhn.ts";

/** The body of a request as sent: bytes or text, and the content type it is labelled with. */
export interface FuzzBody {
  readonly contentType: string | undefined;
  readonly body: Uint8Array | string | undefined;
}

/** Strings that have broken parsers, databases and logs before. */
const hostileStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "\ufeff",
  "\uffff",
  "\u202e",
  "\u2028",
  "😀",
  "%00",
  "%",
  "../../etc/passwd",
  "' or '1'='1",
  "\\",
  '"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
  "${jndi:ldap://x}",
  "<script>",
  "EUR",
  "eur",
  "XTS",
  "bank-beta",
  "bank-alpha",
  "operator",
  "anonymous",
  "0",
  "-1",
  "1e400",
  "NaN",
  "x".repeat(65),
  "x".repeat(5_000),
];

/** Percent-encodes every byte but the unreserved ones; unlike encodeURIComponent, never throws. */
function percentEncode(text: string): string {
  return [...Buffer.from(text, "utf8")]
    .map((byte) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** Number tokens a double cannot hold, or that lose meaning as one. */
const numberToken = fc.oneof(
  fc.constantFrom(
    "0",
    "-0",
    "1e400",
    "-1e400",
    "1e-400",
    "9007199254740993",
    "123456789012345678901234567890",
    "0.1",
    "1.0",
    "604800001",
    "1E2",
  ),
  fc.double().filter(Number.isFinite).map(String),
  fc.integer().map(String),
);

const stringToken = anyString.map((text) => JSON.stringify(text));

const transferFields = [
  "id",
  "payee",
  "amount",
  "currency",
  "reference",
  "reserveForMs",
  "debtor",
  "creditor",
  "transfers",
  "name",
  "cardNumber",
];
const prototypeKeys = ["__proto__", "constructor", "prototype"];

const keyToken = fc
  .oneof(fc.constantFrom(...transferFields, ...prototypeKeys), anyString)
  .map((key) => JSON.stringify(key));

/** Any JSON value, as text. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(numberToken, stringToken, fc.constantFrom("true", "false", "null")),
    fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
    fc
      .array(fc.tuple(keyToken, tie("value")), { maxLength: 4 })
      .map((entries) => `{${entries.map(([key, value]) => `${key}:${value}`).join(",")}}`),
  ),
})).value;

/** Cents between 0.01 and 9999.99 EUR, written as the API wants them. */
const validAmount = fc
  .integer({ min: 1, max: 999_999 })
  .map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`);

/** 15 random digits and the check digit that makes them a card number. */
const cardNumber = fc.stringMatching(/^[0-9]{15}$/).map((digits) => {
  for (let check = 0; check < 10; check++) {
    if (passesLuhnCheck(`${digits}${check}`)) return `${digits}${check}`;
  }
  throw new Error("one of ten check digits always passes");
});

const customerParty = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 140 }),
    cardNumber,
    accountNumber: fc.stringMatching(/^[A-Za-z0-9]{6,34}$/),
    idNumber: fc.stringMatching(/^[A-Za-z0-9]{5,32}$/),
  },
  { requiredKeys: [] },
);

/** Printable text without control characters: what a reference may hold. */
const validReference = fc.string({ maxLength: 128 });

/** A transfer the hub accepts, without its id (the test gives each run a fresh one). */
export const validTransferFields = fc.record(
  {
    amount: validAmount,
    reference: validReference,
    reserveForMs: fc.integer({ min: 1, max: pendingTimeoutMsMax }),
    debtor: customerParty,
    creditor: customerParty,
  },
  { requiredKeys: ["amount"] },
);
export type ValidTransferFields =
  typeof validTransferFields extends fc.Arbitrary<infer T> ? T : never;

/**
 * A transfer as JSON text with its fields in any order, some replaced by any JSON value, some
 * repeated, and keys added (prototype keys among them).
 */
const transferLikeText = fc
  .record({
    fields: fc.shuffledSubarray(
      [
        ['"id"', JSON.stringify("fz-mangled")],
        ['"payee"', JSON.stringify("bank-beta")],
        ['"amount"', JSON.stringify("1.00")],
        ['"currency"', JSON.stringify("EUR")],
        ['"reference"', JSON.stringify("ref")],
        ['"reserveForMs"', "60000"],
        ['"debtor"', JSON.stringify({ name: "A" })],
      ] as [string, string][],
      { minLength: 0 },
    ),
    replaced: fc.array(fc.tuple(fc.nat(), jsonText), { maxLength: 3 }),
    added: fc.array(fc.tuple(keyToken, jsonText), { maxLength: 2 }),
  })
  .map(({ fields, replaced, added }) => {
    const entries = fields.map(([key, value]) => [key, value] as [string, string]);
    for (const [at, value] of replaced) {
      const entry = entries[at % Math.max(entries.length, 1)];
      if (entry !== undefined) entry[1] = value;
    }
    return `{${[...entries, ...added].map(([key, value]) => `${key}:${value}`).join(",")}}`;
  });

/** Replaced, in each request, by a transfer id never used before. */
export const freshIdPlaceholder = "__fresh_transfer_id__";

/** A valid transfer with one thing wrong, or nothing: one value replaced, removed or added. */
const nearValidTransferText = fc
  .record({
    fields: validTransferFields,
    change: fc.oneof(
      fc.record({
        field: fc.constantFrom("id", "payee", "amount", "currency", "reference", "reserveForMs"),
        value: fc.oneof(stringToken, stringToken, numberToken, jsonText),
      }),
      fc.record({
        field: fc.constantFrom("id", "payee", "amount", "currency"),
        value: fc.constant(undefined),
      }),
      fc.record({ field: keyToken.map((key) => JSON.parse(key) as string), value: jsonText }),
      fc.constant(undefined),
      fc.constant(undefined),
    ),
  })
  .map(({ fields, change }) => {
    const entries = new Map<string, string>(
      Object.entries({
        id: freshIdPlaceholder,
        payee: "bank-beta",
        currency: "EUR",
        ...fields,
      }).map(([key, value]) => [key, JSON.stringify(value)]),
    );
    if (change !== undefined && change.value === undefined) entries.delete(change.field);
    else if (change !== undefined) entries.set(change.field, change.value);
    return `{${[...entries].map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",")}}`;
  });

const bulkLikeText = fc
  .oneof(
    fc.array(transferLikeText, { maxLength: 4 }),
    fc.array(nearValidTransferText, { minLength: 1, maxLength: 4 }),
    fc.constant(Array.from({ length: 1001 }, () => "{}")),
  )
  .map((items) => `{"transfers":[${items.join(",")}]}`);

/** Nesting far deeper than a recursive parser or validator survives; bounded by the body limit. */
const deepNesting = fc
  .record({ depth: fc.integer({ min: 1_000, max: 200_000 }), shape: fc.constantFrom("[", "{") })
  .map(({ depth, shape }) =>
    shape === "["
      ? `${"[".repeat(depth)}${"]".repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
  );

const deepInTransfer = fc
  .integer({ min: 1_000, max: 100_000 })
  .map((depth) => `{"id":"fz-deep","payee":${"[".repeat(depth)}${"]".repeat(depth)}}`);

const prototypePoisoning = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"id":"fz-proto","payee":"bank-beta","amount":"1.00","currency":"EUR","__proto__":{"amount":"9.99"}}',
  '{"transfers":[{"__proto__":{"isAdmin":true}}]}',
  '{"a":{"b":{"__proto__":{"polluted":true}}}}',
  '{"\\u005f\\u005fproto__":{"polluted":true}}',
);

/** Text that looks like JSON to a glance: JSON's own characters in any order. */
const jsonIsh = fc
  .array(fc.constantFrom(...'{}[]":,.-+eE0123456789truefalsn\\u/ \t\n'), { maxLength: 60 })
  .map((characters) => characters.join(""));

const almostJson = fc.oneof(
  transferLikeText.chain((text) => fc.nat({ max: text.length }).map((cut) => text.slice(0, cut))),
  transferLikeText.map((text) => `${text}}`),
  transferLikeText.map((text) => `\ufeff${text}`),
  fc.constantFrom(
    "NaN",
    "Infinity",
    "{'id':'x'}",
    '{"id":"x",}',
    "[1,2,]",
    "/* c */ {}",
    "{} {}",
    "undefined",
    "\u0000",
  ),
  jsonIsh,
);

/** Byte sequences that are not UTF-8: lone continuation, overlong, surrogate, beyond U+10FFFF, cut. */
const invalidUtf8 = fc.constantFrom(
  [0xff],
  [0x80],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xe2, 0x28, 0xa1],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
);

/** A transfer whose string values carry bytes that are not UTF-8. */
const brokenUtf8 = fc
  .record({
    field: fc.constantFrom("id", "payee", "currency", "reference", "amount"),
    bytes: invalidUtf8,
  })
  .map(({ field, bytes }) => {
    const fields: Record<string, string> = {
      id: "fz-utf8",
      payee: "bank-beta",
      amount: "1.00",
      currency: "EUR",
      reference: "ref",
    };
    const marker = "\u0001MARK\u0001";
    fields[field] = `${fields[field]}${marker}`;
    const [head, tail] = JSON.stringify(fields).split(JSON.stringify(marker).slice(1, -1));
    return Buffer.concat([Buffer.from(head ?? ""), Buffer.from(bytes), Buffer.from(tail ?? "")]);
  });

/** A transfer with half a character (an unpaired surrogate, as JSON writes it) in one string. */
const halfCharacter = fc
  .record({
    field: fc.constantFrom("id", "payee", "currency", "amount", "reference", "name", "key"),
    surrogate: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    at: fc.nat({ max: 4 }),
  })
  .map(({ field, surrogate, at }) => {
    const splice = (text: string) => `${text.slice(0, at)}${surrogate}${text.slice(at)}`;
    const transfer: Record<string, unknown> = {
      id: "fz-half",
      payee: "bank-beta",
      amount: "1.00",
      currency: "EUR",
      reference: "ref",
    };
    if (field === "name") transfer.debtor = { name: splice("Name") };
    else if (field === "key") transfer[splice("note")] = "x";
    else transfer[field] = splice(String(transfer[field]));
    return JSON.stringify(transfer);
  });

/** Bodies that are JSON but not I-JSON (RFC 7493), which the participant API refuses. */
export const notIJsonBody: fc.Arbitrary<Uint8Array | string> = fc.oneof(brokenUtf8, halfCharacter);

const randomBytes = fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes));

const bodyText: fc.Arbitrary<Uint8Array | string> = fc.oneof(
  { arbitrary: jsonText, weight: 3 },
  { arbitrary: transferLikeText, weight: 2 },
  { arbitrary: nearValidTransferText, weight: 8 },
  { arbitrary: bulkLikeText, weight: 2 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: deepInTransfer, weight: 1 },
  { arbitrary: prototypePoisoning, weight: 1 },
  { arbitrary: almostJson, weight: 2 },
  { arbitrary: brokenUtf8, weight: 1 },
  { arbitrary: halfCharacter, weight: 1 },
  { arbitrary: randomBytes, weight: 1 },
);

const contentType = fc.oneof(
  { arbitrary: fc.constant("application/json"), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      "application/json; charset=utf-8",
      "Application/JSON",
      "application/json;charset=latin1",
      "application/json; charset",
      "application/json;",
      "application/problem+json",
      "application/vnd.api+json",
      "text/plain",
      "text/json",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
      "json",
      "",
      "*/*",
      "application/json, text/plain",
    ),
    weight: 3,
  },
);

export const fuzzBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  { arbitrary: fc.record({ contentType, body: bodyText }), weight: 9 },
  { arbitrary: fc.record({ contentType, body: fc.constant(undefined) }), weight: 1 },
);

/** A path segment: an id of the network's reservations (by index), or anything, percent-encoded. */
export type TransferIdChoice = { readonly reservation: number } | { readonly segment: string };

const transferIdChoice: fc.Arbitrary<TransferIdChoice> = fc.oneof(
  fc.nat({ max: 2 }).map((reservation) => ({ reservation })),
  anyString.filter((text) => text !== "").map((text) => ({ segment: percentEncode(text) })),
  fc
    .constantFrom("%00", "%FF", "%E2%82", "%zz", "%", "..", ".", "a%2Fb", "a;b", "x".repeat(2_000))
    .map((segment) => ({ segment })),
);

const queryValue = fc.oneof(
  fc.constantFrom(
    "0",
    "1",
    "-1",
    "500",
    "501",
    "1.5",
    "1e3",
    "99999999999999999999",
    "posted",
    "reserved",
    "2026-01-01T00:00:00Z",
    "2020-02-31T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999+23:59",
    "bank-beta",
    "%00",
    "%FF",
    "%",
    "",
  ),
  anyString.map(percentEncode),
  fc.base64String({ maxLength: 60 }).map(percentEncode),
);

const queryKey = fc.oneof(
  fc.constantFrom("limit", "cursor", "from", "to", "counterparty", "state"),
  anyString.map(percentEncode),
);

const query = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? "" : `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`));

/** A route of the participant API (or a miss) with its path filled in. */
export type FuzzRoute =
  | { readonly method: string; readonly path: string }
  | {
      readonly method: "GET" | "POST";
      readonly transferId: TransferIdChoice;
      readonly suffix: "" | "/commit" | "/void";
    };

/** Weighted towards the routes that read a body: that is where most parsing happens. */
export const fuzzRoute: fc.Arbitrary<FuzzRoute> = fc.oneof(
  { arbitrary: fc.constant({ method: "POST", path: "/v1/transfers" }), weight: 6 },
  { arbitrary: fc.constant({ method: "POST", path: "/v1/transfers/bulk" }), weight: 3 },
  { arbitrary: fc.constant({ method: "POST", path: "/v1/ping" }), weight: 1 },
  { arbitrary: fc.constant({ method: "GET", path: "/v1/accounts" }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      { method: "PUT", path: "/v1/transfers" },
      { method: "DELETE", path: "/v1/transfers/x" },
      { method: "PATCH", path: "/v1/ping" },
      { method: "POST", path: "/v1" },
      { method: "POST", path: "/v1/nowhere" },
      { method: "POST", path: "/v1//transfers" },
      { method: "POST", path: "/v1/transfers/" },
    ),
    weight: 1,
  },
  {
    arbitrary: query.map((search) => ({ method: "GET", path: `/v1/transfers${search}` })),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      method: fc.constant("GET" as const),
      transferId: transferIdChoice,
      suffix: fc.constant("" as const),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      method: fc.constant("POST" as const),
      transferId: transferIdChoice,
      suffix: fc.constantFrom("/commit" as const, "/void" as const),
    }),
    weight: 1,
  },
);

/** The route's method and path, reservations named by their ids. */
export function routePath(
  route: FuzzRoute,
  reservations: readonly string[],
): { method: string; path: string } {
  if ("path" in route) return route;
  const { transferId } = route;
  const segment =
    "segment" in transferId
      ? transferId.segment
      : (reservations[transferId.reservation % reservations.length] ?? "none");
  return { method: route.method, path: `/v1/transfers/${segment}${route.suffix}` };
}
