// What the participant and operator reconciliation routes both take in: days, records, break filters.
import { Readable } from "node:stream";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  breakPageSizeMax,
  type ReconciliationService,
} from "../app/reconciliation/reconciliation-service.ts";
import { breakKinds, breakStates } from "../domain/reconciliation/reconciliation-break.ts";
import { literalUnion } from "./literal-union.ts";
import { RequestProblem } from "./problem.ts";
import {
  csvContentType,
  matchSummaryView,
  sendReconciliationProblem,
} from "./reconciliation-view.ts";

export const breakIdLengthMax = 128;

export const DayParam = Type.String({
  pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
  description: "The business day, YYYY-MM-DD (cut-off and time zone as the hub is configured)",
});

/** The filters and page size of a break listing; each API adds its own `after` and scope. */
export const breakListFilters = {
  day: Type.Optional(DayParam),
  state: Type.Optional(literalUnion(breakStates)),
  kind: Type.Optional(literalUnion(breakKinds)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: breakPageSizeMax, default: 100 })),
};

/**
 * Takes `text/csv` bodies in the routes of this plugin only, as bytes (the participant API's
 * signature covers their digest); everywhere else text is still refused.
 */
export function acceptCsvBodies(app: FastifyInstance): void {
  app.addContentTypeParser(csvContentType, { parseAs: "buffer" }, (request, body, done) => {
    request.rawBody = body as Buffer;
    done(null, body);
  });
}

/** A record's body: the CSV bytes, or a problem when it came as something else. */
export function recordBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new RequestProblem("record_media_type");
  return body;
}

/** Matches an uploaded record of `day` for `participantId`, answering its summary or its problem. */
export async function matchUploadedRecord(
  reconciliation: ReconciliationService,
  reply: FastifyReply,
  upload: { participantId: string; day: string; body: unknown; submittedBy: string },
) {
  const matched = await reconciliation.match(
    upload.participantId,
    upload.day,
    Readable.from([recordBody(upload.body)]),
    upload.submittedBy,
  );
  if (!matched.ok) return sendReconciliationProblem(reply, matched);
  return matchSummaryView(matched.value);
}
