/**
 * The biller profile store on both backends: the participant's kind, status and currencies
 * checked in the write's transaction, versions, an unchanged write that writes nothing, the
 * caller's refusal under the lock, sync order and paging, and updatedAt moving with the
 * participant's status. Each write's audit entry is appended with it, and none otherwise.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyAuditLogStore } from "../../src/adapters/store/kysely-audit-log-store.ts";
import { KyselyBillerProfileStore } from "../../src/adapters/store/kysely-biller-profile-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import type { AuditRecord } from "../../src/domain/audit/audit-entry.ts";
import {
  type BillerProfileFields,
  checkBillerProfile,
} from "../../src/domain/billers/biller-profile.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { waterProfile } from "../support/biller-profiles.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function fieldsOf(input = waterProfile): BillerProfileFields {
  const checked = checkBillerProfile(input);
  if (!checked.ok) throw new Error("valid fixture");
  return checked.fields;
}

async function openStores(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const { kysely, dialect } = test.database;
  const participants = new KyselyParticipantStore(kysely);
  for (const [id, kind] of [
    ["biller-a", "biller"],
    ["biller-b", "biller"],
    ["biller-c", "biller"],
    ["bank-a", "bank"],
  ] as const) {
    const accounts = [
      { participantId: id, kind: "position" as const, currency: "CNY", debitLimit: 0n },
    ];
    await participants.createParticipant(
      { id, name: `${id} name`, kind, status: "active", createdAt: 1 },
      accounts,
    );
  }
  return {
    participants,
    billers: new KyselyBillerProfileStore(kysely, dialect),
    audit: new KyselyAuditLogStore(kysely),
  };
}

function audit(at: number) {
  return (): AuditRecord => ({
    at,
    actor: { kind: "operator_token", id: "tok", name: "ops" },
    action: "biller_profile.set",
    subject: "biller:x",
    details: {},
  });
}

async function auditCount(stores: Awaited<ReturnType<typeof openStores>>): Promise<number> {
  return (await stores.audit.list({ limit: 100 })).length;
}

describeEachBackend("biller profile store", (backend) => {
  it("creates at version 1, replaces at version + 1, and keeps an unchanged profile as it is", async () => {
    const stores = await openStores(backend);
    const created = await stores.billers.putProfile("biller-a", fieldsOf(), 100, audit(100));
    expect(created).toMatchObject({ ok: true, value: { changed: true, previous: undefined } });
    const again = await stores.billers.putProfile("biller-a", fieldsOf(), 200, audit(200));
    expect(again).toMatchObject({ ok: true, value: { changed: false } });
    expect(await auditCount(stores)).toBe(1);
    const changed = await stores.billers.putProfile(
      "biller-a",
      { ...fieldsOf(), presentmentCacheTtlSeconds: 60 },
      300,
      audit(300),
    );
    expect(changed).toMatchObject({ ok: true, value: { changed: true } });
    const entry = await stores.billers.findEntry("biller-a");
    expect(entry).toMatchObject({
      name: "biller-a name",
      status: "active",
      profile: { version: 2, createdAt: 100, updatedAt: 300, presentmentCacheTtlSeconds: 60 },
    });
    expect(entry?.profile.parameters).toEqual(fieldsOf().parameters);
    expect(await auditCount(stores)).toBe(2);
  });

  it("refuses what is no biller, a terminated one, and currencies not held, writing nothing", async () => {
    const stores = await openStores(backend);
    const put = (id: string, fields = fieldsOf()) =>
      stores.billers.putProfile(id, fields, 1, audit(1));
    expect(await put("nobody")).toEqual({ ok: false, code: "participant_not_found" });
    expect(await put("bank-a")).toEqual({ ok: false, code: "participant_not_biller" });
    expect(await put("biller-a", { ...fieldsOf(), currencies: ["CNY", "USD"] })).toEqual({
      ok: false,
      code: "currency_not_held",
      currency: "USD",
    });
    await stores.participants.setStatus("biller-b", "active", "terminated");
    expect(await put("biller-b")).toEqual({ ok: false, code: "participant_terminated" });
    expect(await stores.billers.listEntries({ limit: 10 })).toEqual([]);
    expect(await auditCount(stores)).toBe(0);
  });

  it("lets the caller refuse under the lock, seeing the current profile", async () => {
    const stores = await openStores(backend);
    const seen: unknown[] = [];
    const refuse = (previous: unknown) => {
      seen.push(previous);
      return previous === undefined ? undefined : ("not_now" as const);
    };
    expect((await stores.billers.putProfile("biller-a", fieldsOf(), 1, audit(1), refuse)).ok).toBe(
      true,
    );
    const refused = await stores.billers.putProfile(
      "biller-a",
      { ...fieldsOf(), presentmentCacheTtlSeconds: 1 },
      2,
      audit(2),
      refuse,
    );
    expect(refused).toEqual({ ok: false, code: "not_now" });
    expect(seen[1]).toMatchObject({ version: 1 });
    expect((await stores.billers.findEntry("biller-a"))?.profile.version).toBe(1);
  });

  it("lists in sync order, pages by cursor, and filters by updatedSince", async () => {
    const stores = await openStores(backend);
    await stores.billers.putProfile("biller-b", fieldsOf(), 10, audit(10));
    await stores.billers.putProfile("biller-c", fieldsOf(), 10, audit(10));
    await stores.billers.putProfile("biller-a", fieldsOf(), 20, audit(20));
    const ids = (entries: { profile: { participantId: string } }[]) =>
      entries.map((entry) => entry.profile.participantId);
    expect(ids(await stores.billers.listEntries({ limit: 10 }))).toEqual([
      "biller-b",
      "biller-c",
      "biller-a",
    ]);
    const first = await stores.billers.listEntries({ limit: 1 });
    const after = { updatedAt: 10, participantId: ids(first)[0] ?? "" };
    expect(ids(await stores.billers.listEntries({ limit: 10, after }))).toEqual([
      "biller-c",
      "biller-a",
    ]);
    expect(ids(await stores.billers.listEntries({ limit: 10, updatedSince: 11 }))).toEqual([
      "biller-a",
    ]);
  });

  it("moves updatedAt, not the version, when the participant's status changes", async () => {
    const stores = await openStores(backend);
    await stores.billers.putProfile("biller-a", fieldsOf(), 10, audit(10));
    await stores.participants.setStatus("biller-a", "active", "suspended", {
      ...audit(50)(),
      action: "participant.status_change",
    });
    const entry = await stores.billers.findEntry("biller-a");
    expect(entry).toMatchObject({ status: "suspended", profile: { version: 1, updatedAt: 50 } });
    expect((await stores.billers.listEntries({ limit: 10, updatedSince: 50 })).length).toBe(1);
  });
});
