import type { FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "./problem.ts";

/** Deeper than any body a route accepts; the schema refuses what this does not reach. */
const depthMax = 64;

export function escapePointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** The JSON Pointer of the first string or key holding U+0000, or undefined when none does. */
export function findNulCharacter(value: unknown, pointer = "", depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? pointer : undefined;
  if (value === null || typeof value !== "object" || depth >= depthMax) return undefined;
  for (const [key, member] of Object.entries(value)) {
    const at = `${pointer}/${escapePointerToken(key)}`;
    if (key.includes("\u0000")) return at;
    const found = findNulCharacter(member, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * No identifier in a payment network holds U+0000, and PostgreSQL text cannot store it: a query
 * carrying one fails inside the database. Refusing it here in paths and queries keeps every
 * route from sending it to the store, the same on both stores. Bodies are left to their
 * schemas and rules, so that one bad item of a bulk request is answered on its own.
 */
export async function refuseNulCharactersInAddress(request: FastifyRequest, reply: FastifyReply) {
  for (const location of ["params", "querystring"] as const) {
    const value = location === "params" ? request.params : request.query;
    const pointer = findNulCharacter(value);
    if (pointer !== undefined) {
      return sendProblem(reply, "request_invalid", {
        detail: "Text may not hold the character U+0000",
        errors: [{ location, pointer, code: "nul_character" }],
      });
    }
  }
  return undefined;
}
