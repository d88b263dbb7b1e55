import { type Static, Type } from "@sinclair/typebox";

/** The media type of an RFC 9457 problem, as the hub answers every refusal. */
export const problemContentType = "application/problem+json";

/** One of several mistakes in a request, as a problem lists them. */
export const WireProblemError = Type.Object(
  {
    index: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: "For bulk requests: the position of the offending item",
      }),
    ),
    code: Type.Optional(
      Type.String({ maxLength: 64, description: "A machine-readable code for this error" }),
    ),
    location: Type.Optional(
      Type.String({
        maxLength: 16,
        description: "Where the error is: body, querystring, params or headers",
      }),
    ),
    pointer: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: "JSON Pointer (RFC 6901) to the offending value",
      }),
    ),
    detail: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { title: "ProblemError" },
);
export type WireProblemError = Static<typeof WireProblemError>;

/**
 * The hub's refusal of a request a counterpart's system sent it (a bank's notice, a biller's
 * push), as the interface documents publish it: an RFC 9457 problem with a stable `code`. The
 * codes are the hub's participant API's, listed in its own description; here `code` is a plain
 * string so that a counterpart built from this document accepts codes added later.
 */
export const WireProblem = Type.Object(
  {
    type: Type.String({ maxLength: 200, description: "urn:clearhub:problem:<code>" }),
    title: Type.String({ maxLength: 200 }),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    code: Type.String({
      pattern: "^[a-z][a-z0-9_]{0,63}$",
      maxLength: 64,
      description:
        "The problem code, stable across versions; the hub's participant API description lists each with its status. Expect codes added in later versions.",
    }),
    detail: Type.Optional(Type.String({ maxLength: 2000 })),
    errors: Type.Optional(Type.Array(WireProblemError, { maxItems: 1000 })),
  },
  { title: "Problem" },
);
export type WireProblem = Static<typeof WireProblem>;
