import { Type } from "@sinclair/typebox";
import { merchantPageSizeMax } from "../app/merchants/merchant-directory.ts";
import { isMerchantId, type Merchant, type MerchantCursor } from "../domain/barcode/merchant.ts";
import { readOperatorCursor, writeOperatorCursor } from "./operator-cursor.ts";

export const merchantPageSizeDefault = 100;

export const MerchantPageQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: merchantPageSizeMax, default: merchantPageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 512, description: "`next` of the previous page" }),
    ),
  },
  { additionalProperties: false },
);

const cursorList = "merchants";

/** The cursor after the page's last merchant, or null when the page was the last. */
export function nextMerchantCursor(page: readonly Merchant[], limit: number): string | null {
  const last = page.at(-1);
  if (page.length < limit || last === undefined) return null;
  return writeOperatorCursor(cursorList, [last.createdAt, last.merchantId]);
}

/** The cursor's position, or undefined for anything no merchant list wrote. */
export function readMerchantCursor(text: string): MerchantCursor | undefined {
  const fields = readOperatorCursor(cursorList, text);
  if (fields === undefined || fields.length !== 2) return undefined;
  const [createdAt, merchantId] = fields;
  if (typeof createdAt !== "number" || !Number.isSafeInteger(createdAt) || createdAt < 0) {
    return undefined;
  }
  return typeof merchantId === "string" && isMerchantId(merchantId)
    ? { createdAt, merchantId }
    : undefined;
}
