/**
 * The payload the ledger writes into the outbox is what the OpenAPI document promises
 * receivers: every event of every transfer kind validates against TransferEventSchema.
 */
import { registerStringFormats } from "@clearhub/wire";
import { Value } from "@sinclair/typebox/value";
import { expect, it } from "vitest";
import { TransferEventSchema } from "../../src/api/transfer-event-schema.ts";
import type { AccountState } from "../../src/domain/ledger/account.ts";
import type { StoredTransfer, TransferKind } from "../../src/domain/ledger/transfer.ts";
import {
  transferEventPayload,
  transferEvents,
} from "../../src/domain/notifications/transfer-event.ts";

function position(id: number, participantId: string): AccountState {
  return {
    id,
    participantId,
    kind: "position",
    currency: "EUR",
    participantActive: true,
    debitLimit: null,
    debitsPosted: 0n,
    creditsPosted: 0n,
    debitsPending: 0n,
    creditsPending: 0n,
  };
}

function transfer(kind: TransferKind, reference: string | null): StoredTransfer {
  const resolves = kind === "commit" || kind === "void" || kind === "expire";
  return {
    id: resolves ? `~${kind}:t-1` : "t-1",
    kind,
    debitAccountId: 1,
    creditAccountId: 2,
    amount: 1230n,
    currency: "EUR",
    pendingId: resolves ? "t-1" : null,
    timeoutMs: kind === "pending" ? 60_000 : null,
    expiresAt: kind === "pending" ? 1_800_000_060_000 : null,
    reference,
    linked: false,
    batchSeq: 1,
    batchIndex: 0,
    createdAt: 1_800_000_000_000,
  };
}

it("holds every event of every transfer kind to the published schema", () => {
  registerStringFormats();
  const accounts = new Map([
    [1, position(1, "wallet-a")],
    [2, position(2, "bank-b")],
  ]);
  const kinds: TransferKind[] = ["posted", "pending", "commit", "void", "expire"];
  const events = transferEvents(
    kinds.flatMap((kind) => [transfer(kind, null), transfer(kind, "invoice 7")]),
    accounts,
  );
  expect(new Set(events.map((event) => event.type)).size).toBe(kinds.length);
  for (const event of events) {
    const text = transferEventPayload(event);
    const payload = JSON.parse(text);
    expect([...Value.Errors(TransferEventSchema, payload)], text).toEqual([]);
    expect(payload).toMatchObject({ id: event.id, type: event.type });
  }
});

it("carries the fee that moved with the transfer in its batch, and holds it to the schema", () => {
  registerStringFormats();
  const fees: AccountState = { ...position(3, "operator"), kind: "fee" };
  const accounts = new Map([
    [1, position(1, "wallet-a")],
    [2, position(2, "bank-b")],
    [3, fees],
  ]);
  const posted = transfer("posted", null);
  const fee: StoredTransfer = { ...posted, id: "~fee:t-1", creditAccountId: 3, amount: 35n };
  const commit = transfer("commit", null);
  const feeCommit: StoredTransfer = {
    ...commit,
    id: "~commit:~fee:t-1",
    pendingId: "~fee:t-1",
    creditAccountId: 3,
    amount: 35n,
  };
  const events = transferEvents([posted, fee, commit, feeCommit], accounts);
  // Fee transfers credit the operator's fee account: they raise no event of their own.
  expect(events.map((event) => event.type)).toEqual([
    "transfer.credited",
    "transfer.committed",
    "transfer.committed",
  ]);
  for (const event of events) {
    const payload = JSON.parse(transferEventPayload(event));
    expect([...Value.Errors(TransferEventSchema, payload)]).toEqual([]);
    expect(payload.data.fee).toEqual({ amount: "0.35", currency: "EUR" });
  }
  const alone = transferEvents([transfer("posted", null)], accounts);
  expect(JSON.parse(transferEventPayload(alone[0] as never)).data.fee).toBeNull();
});
