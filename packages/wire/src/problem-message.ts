import { Type } from "@sinclair/typebox";

/**
 * The hub's refusal of a participant's request, as its API writes it: RFC 9457 problem
 * details with a stable `code`. The hub's own API description lists its codes; an interface
 * document needs only the shape, so the code here is any such name.
 */
export const problemContentType = "application/problem+json";

export const ProblemMessage = Type.Object(
  {
    type: Type.String({ maxLength: 200, description: "urn:clearhub:problem:<code>" }),
    title: Type.String({ maxLength: 200 }),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    code: Type.String({
      pattern: "^[a-z][a-z0-9_]{0,63}$",
      maxLength: 64,
      description: "The problem code; the hub's API description lists each with its status.",
    }),
    detail: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { title: "Problem" },
);
