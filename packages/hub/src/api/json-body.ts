import type { FastifyInstance, FastifyRequest } from "fastify";
import { errorCodes } from "fastify";
import { firstDuplicateKey } from "./duplicate-key.ts";
import { holdsUnpairedSurrogate, utf8Text } from "./i-json.ts";
import { RequestProblem } from "./problem.ts";

/** A repeated name is quoted in the answer, cut to this length: names are not secrets, but may be long. */
const quotedNameLengthMax = 64;

type Done = (error: Error | null, body?: unknown) => void;
type DefaultJsonParser = ReturnType<FastifyInstance["getDefaultJsonParser"]>;

/**
 * The hub's one body parser, for the operator and the participant APIs alike. Bodies are I-JSON
 * (RFC 7493): `application/json` only (text and forms are 415 `media_type_unsupported`
 * everywhere), UTF-8, whole characters, no repeated names (400 `body_duplicate_key`). An empty
 * body is no body, so a POST that takes none may carry the JSON content type. The raw bytes are
 * kept for the participant API, whose signature covers their digest.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  // The default parser keeps its prototype-poisoning checks; it reads a string.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) =>
    parseBody(parseJson, request, body as Buffer, done),
  );
}

function parseBody(
  parseJson: DefaultJsonParser,
  request: FastifyRequest,
  body: Buffer,
  done: Done,
) {
  request.rawBody = body;
  if (body.length === 0) return done(null, undefined);
  const text = utf8Text(body);
  if (text === undefined) return done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
  return parseJson(request, text, (error, value) => {
    if (error !== null) return done(error);
    if (holdsUnpairedSurrogate(text, value)) {
      return done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
    }
    const repeated = firstDuplicateKey(text);
    if (repeated === undefined) return done(null, value);
    const quoted = JSON.stringify(repeated.slice(0, quotedNameLengthMax));
    return done(
      new RequestProblem("body_duplicate_key", `the name ${quoted} appears twice in one object`),
    );
  });
}
