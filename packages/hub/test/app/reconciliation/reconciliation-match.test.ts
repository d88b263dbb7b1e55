/**
 * The match finds every break injected into a participant's record, and no other: a reference
 * model of the injections (fast-check) against the real store, on both dialects. Each run is a
 * day of a fresh participant: transfers both ways (posted, and reserved then committed, voided or
 * left open), the participant's file made from the hub's own statement, then broken on purpose.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import Papa from "papaparse";

const parse = (text: string | Buffer, _options: { columns: true }) =>
  Papa.parse<Record<string, string>>(text.toString(), { header: true, skipEmptyLines: true }).data;

import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { statementCsvColumns } from "../../../src/app/reconciliation/statement-csv.ts";
import { hubActor } from "../../../src/domain/audit/audit-actor.ts";
import type { Participant } from "../../../src/domain/participant/participant.ts";
import {
  businessDayCentredOn,
  businessDayHolding,
} from "../../../src/domain/reconciliation/business-day.ts";
import { describeEachBackend } from "../../support/backends.ts";
import { openTestHub, type TestHub } from "../../support/test-hub.ts";

/** A cut-off twelve hours from now: the day that holds now holds every transfer of the test. */
const reconciliationDay = businessDayCentredOn(Date.now());
const dayHolding = (instant: number) => businessDayHolding(instant, reconciliationDay);

type Row = Record<(typeof statementCsvColumns)[number], string>;

const toCsv = (rows: readonly Row[]): string =>
  [
    statementCsvColumns.join(","),
    ...rows.map((row) => statementCsvColumns.map((c) => JSON.stringify(row[c])).join(",")),
  ].join("\r\n");

interface Injection {
  readonly kind:
    | "duplicate"
    | "missing_at_hub"
    | "missing_at_participant"
    | "amount_differs"
    | "status_differs";
  readonly target: number;
}

const otherStatus: Readonly<Record<string, string>> = {
  completed: "failed",
  pending: "completed",
  failed: "completed",
  reversed: "completed",
};

describeEachBackend("reconciliation match", (backend) => {
  let t: TestHub;
  let run = 0;

  beforeAll(async () => {
    t = await openTestHub(backend, { reconciliationDay });
  });
  afterAll(() => t.dispose());

  async function register(id: string): Promise<Participant> {
    const registered = await t.hub.participants.register(
      {
        id,
        name: id,
        kind: "payment_institution",
        currencies: [{ currency: "CNY", netDebitCap: 10n ** 12n }],
      },
      hubActor,
    );
    if (!registered.ok) throw new Error(registered.code);
    return registered.value;
  }

  async function day(transfers: number, seed: number): Promise<{ self: Participant; rows: Row[] }> {
    run++;
    const self = await register(`rc-self-${run}`);
    const other = await register(`rc-other-${run}`);
    for (let i = 0; i < transfers; i++) {
      const outgoing = (seed + i) % 3 !== 0;
      const [payer, payee] = outgoing ? [self, other] : [other, self];
      const id = `rc${run}-t${i}`;
      const reserve = (seed + i) % 4 === 0;
      const [created] = await t.hub.participantTransfers.create(payer, [
        {
          id,
          payeeId: payee.id,
          amount: BigInt(100 + ((seed * 31 + i * 7) % 5000)),
          currency: "CNY",
          requestHash: createHash("sha256").update(id).digest("hex"),
          ...(reserve ? { reserveForMs: 60_000 } : {}),
        },
      ]);
      if (!created?.ok) throw new Error(`transfer ${id} refused`);
      if (reserve && i % 3 !== 2) {
        await t.hub.participantTransfers.resolve(payer, id, i % 3 === 0 ? "commit" : "void");
      }
    }
    const csv = await t.hub.reconciliation.statementCsv(self.id, dayHolding(Date.now()));
    if (!csv.ok) throw new Error(csv.code);
    const chunks: Buffer[] = [];
    for await (const chunk of csv.value) chunks.push(Buffer.from(chunk));
    const rows = parse(Buffer.concat(chunks), { columns: true }) as Row[];
    return { self, rows };
  }

  it("finds every injected break and no other", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 12 }),
        fc.nat(1000),
        fc.array(
          fc.record({
            kind: fc.constantFrom<Injection["kind"]>(
              "duplicate",
              "missing_at_hub",
              "missing_at_participant",
              "amount_differs",
              "status_differs",
            ),
            target: fc.nat(),
          }),
          { maxLength: 6 },
        ),
        fc.boolean(),
        async (transfers, seed, injections, byReference) => {
          const { self, rows } = await day(transfers, seed);
          expect(rows).toHaveLength(transfers);
          // One injection per hub row, so each is exactly one break.
          const used = new Set<number>();
          const expected = new Set<string>();
          let file: Row[] = rows.map((row) => ({ ...row }));
          const removed = new Set<string>();
          const added: Row[] = [];
          let ghosts = 0;
          for (const injection of injections) {
            const index = injection.target % rows.length;
            if (injection.kind !== "missing_at_hub" && used.has(index)) continue;
            const row = file[index] as Row;
            const key = row.hub_transaction_id;
            if (injection.kind === "missing_at_hub") {
              ghosts++;
              const ghost = {
                ...row,
                hub_transaction_id: `ghost-${run}-${ghosts}`,
                participant_reference: `ghost-ref-${ghosts}`,
              };
              added.push(ghost);
              expected.add(`missing_at_hub ${ghost.hub_transaction_id}`);
              continue;
            }
            used.add(index);
            if (injection.kind === "missing_at_participant") removed.add(key);
            if (injection.kind === "duplicate") added.push({ ...row });
            if (injection.kind === "amount_differs") {
              file[index] = {
                ...row,
                amount: row.amount.startsWith("-") ? row.amount.slice(1) : `-${row.amount}`,
              };
            }
            if (injection.kind === "status_differs") {
              file[index] = { ...row, status: otherStatus[row.status] ?? "completed" };
            }
            expected.add(`${injection.kind} ${key}`);
          }
          file = [...file.filter((row) => !removed.has(row.hub_transaction_id)), ...added];
          // Half the runs key rows by the participant's own reference only.
          if (byReference) file = file.map((row) => ({ ...row, hub_transaction_id: "" }));
          const matched = await t.hub.reconciliation.match(
            self.id,
            dayHolding(Date.now()),
            Readable.from([toCsv(file)]),
            "test",
          );
          if (!matched.ok) throw new Error(`${matched.code} ${JSON.stringify(matched.malformed)}`);
          const breaks = await t.hub.reconciliation.listBreaks({
            participantId: self.id,
            limit: 500,
          });
          const found = new Set(
            breaks.map((b) => `${b.kind} ${b.hubTransactionId ?? b.matchKey.replace(/^ref:/, "")}`),
          );
          const expectedKeys = byReference
            ? new Set([...expected].map((e) => e.replace(/ghost-\d+-(\d+)$/, "ghost-ref-$1")))
            : expected;
          expect(found).toEqual(expectedKeys);
          expect(matched.value.hubRows).toBe(transfers);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});

describeEachBackend("reconciliation of unknown outcomes", (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await openTestHub(backend, { reconciliationDay });
  });
  afterAll(() => t.dispose());

  it("lists a transaction whose outcome is unknown apart, and raises no break for it", async () => {
    const register = async (id: string, kind: "bank" | "payment_institution") => {
      const registered = await t.hub.participants.register(
        { id, name: id, kind, currencies: [{ currency: "CNY", netDebitCap: 10n ** 9n }] },
        hubActor,
      );
      if (!registered.ok) throw new Error(registered.code);
      return registered.value;
    };
    const wallet = await register("unk-wallet", "payment_institution");
    await register("unk-bank", "bank");
    // A debit the bank has not answered: its reservation, and its operation left `unknown`.
    const [reserved] = await t.hub.participantTransfers.create(wallet, [
      {
        id: "tx-unknown",
        payeeId: "unk-bank",
        amount: 700n,
        currency: "CNY",
        reserveForMs: 60_000,
        requestHash: createHash("sha256").update("tx-unknown").digest("hex"),
      },
    ]);
    expect(reserved?.ok).toBe(true);
    const now = BigInt(Date.now());
    await t.hub.database.kysely
      .insertInto("bank_operations")
      .values({
        payment_institution_id: wallet.id,
        id: "pay-1",
        kind: "debit",
        bank_id: "unk-bank",
        agreement_id: null,
        original_id: null,
        amount: 700n,
        currency: "CNY",
        transaction_id: "tx-unknown",
        state: "unknown",
        request_hash: "h",
        failure_code: null,
        failure_text: null,
        bank_reference: null,
        creditor: null,
        creditor_masked: null,
        created_at: now,
        updated_at: now,
        completed_at: null,
        next_inquiry_at: now,
        inquiries: 0,
      })
      .execute();
    const day = dayHolding(Date.now());
    const csv = await t.hub.reconciliation.statementCsv(wallet.id, day);
    if (!csv.ok) throw new Error(csv.code);
    let text = "";
    for await (const chunk of csv.value) text += String(chunk);
    const [row] = parse(text, { columns: true }) as Row[];
    expect(row).toMatchObject({
      hub_transaction_id: "tx-unknown",
      participant_reference: "pay-1",
      type: "agreement_payment",
      amount: "-7.00",
      status: "unknown",
    });
    // The participant's record says nothing of it: still no break.
    const matched = await t.hub.reconciliation.match(
      wallet.id,
      day,
      Readable.from([statementCsvColumns.join(",")]),
      "test",
    );
    if (!matched.ok) throw new Error(matched.code);
    expect(matched.value).toMatchObject({
      hubRows: 1,
      participantRows: 0,
      unknownAtHub: 1,
      unknownHubTransactionIds: ["tx-unknown"],
      // Asked about first; its bank has no endpoint to answer, so it stays unknown.
      inquiry: { asked: 1, settled: 0, limit: 200, more: false },
    });
    expect(Object.values(matched.value.breaks).every((n) => n === 0)).toBe(true);
  });
});
