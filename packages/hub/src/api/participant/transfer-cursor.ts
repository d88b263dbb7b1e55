import type { TransferCursor } from "../../app/transfers/participant-transfer-service.ts";
import { transferIdPattern } from "../../domain/ledger/transfer.ts";

/** Opaque to clients: base64url of "<createdAt>.<transferId>" of the last item of a page. */
export function writeCursor(cursor: TransferCursor): string {
  return Buffer.from(`${cursor.createdAt}.${cursor.transferId}`, "utf8").toString("base64url");
}

export function readCursor(text: string): TransferCursor | undefined {
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const dot = decoded.indexOf(".");
  const createdAt = Number(decoded.slice(0, dot));
  const transferId = decoded.slice(dot + 1);
  if (dot < 1 || !Number.isSafeInteger(createdAt) || createdAt < 0) return undefined;
  return transferIdPattern.test(transferId) ? { createdAt, transferId } : undefined;
}
