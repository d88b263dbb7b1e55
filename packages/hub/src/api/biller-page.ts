import { Type } from "@sinclair/typebox";
import type { BillerListQuery, BillerSyncCursor } from "../app/billers/biller-catalogue-entry.ts";
import { billerPageSizeMax } from "../app/billers/biller-catalogue-entry.ts";
import { isParticipantIdValid } from "../domain/participant/participant.ts";
import { readOperatorCursor, writeOperatorCursor } from "./operator-cursor.ts";

/**
 * Paging of the biller lists (the operator's and the channels' catalogue), both in sync order:
 * (updatedAt, participant id) ascending. A channel keeps the largest `updatedAt` it has seen and
 * asks again with it as `updatedSince`, so it reads only what changed.
 */
export const billerPageSizeDefault = 100;
const cursorList = "billers";

export const BillerPageQuery = Type.Object(
  {
    updatedSince: Type.Optional(
      Type.String({
        format: "date-time",
        description:
          "Only billers whose profile or status changed at or after this time. Pass the largest `updatedAt` already read, better a minute earlier: a change still committing while a page was read can carry a slightly earlier time, and a biller read twice is the same biller",
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: billerPageSizeMax, default: billerPageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 512, description: "The cursor the previous page answered" }),
    ),
  },
  { additionalProperties: false },
);

export const NextCursor = Type.Union([Type.String(), Type.Null()], {
  description:
    "Pass as `cursor` (with the same `updatedSince`) for the next page; null on the last",
});

function readCursor(text: string): BillerSyncCursor | undefined {
  const fields = readOperatorCursor(cursorList, text);
  if (fields === undefined || fields.length !== 2) return undefined;
  const [updatedAt, participantId] = fields;
  if (typeof updatedAt !== "number" || !Number.isSafeInteger(updatedAt) || updatedAt < 0) {
    return undefined;
  }
  if (typeof participantId !== "string" || !isParticipantIdValid(participantId)) return undefined;
  return { updatedAt, participantId };
}

/** The store's query for the page asked, or undefined when the cursor is not one of ours. */
export function billerListQuery(query: {
  updatedSince?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}): BillerListQuery | undefined {
  const after = query.cursor === undefined ? undefined : readCursor(query.cursor);
  if (query.cursor !== undefined && after === undefined) return undefined;
  const updatedSince =
    query.updatedSince === undefined ? undefined : Date.parse(query.updatedSince);
  return { limit: query.limit ?? billerPageSizeDefault, updatedSince, after };
}

/** The next page's cursor: null when this page was not full. */
export function nextBillerCursor(
  page: readonly { profile: { updatedAt: number; participantId: string } }[],
  limit: number,
): string | null {
  const last = page.at(-1);
  if (last === undefined || page.length < limit) return null;
  return writeOperatorCursor(cursorList, [last.profile.updatedAt, last.profile.participantId]);
}
