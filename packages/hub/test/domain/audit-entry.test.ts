import { describe, expect, it } from "vitest";
import {
  type AuditEntry,
  type AuditRecord,
  auditGenesisHead,
  checkAuditLink,
  hashAuditEntry,
  nextAuditEntry,
} from "../../src/domain/audit/audit-entry.ts";

const record: AuditRecord = {
  at: 1_700_000_000_000,
  actor: { kind: "operator_token", id: "tok-1", name: "ops" },
  action: "participant.status_change",
  subject: "participant:acme-bank",
  details: { from: "active", to: "suspended" },
};

describe("audit entries", () => {
  it("chain the first entry to the genesis head", () => {
    const entry = nextAuditEntry(auditGenesisHead, record);
    expect(entry).toMatchObject({ seq: 1, prevHash: "0".repeat(64), ...record });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkAuditLink(auditGenesisHead, entry)).toBeUndefined();
  });

  it("hash the canonical form: the order of keys in the details does not matter", () => {
    const reordered = { ...record, details: { to: "suspended", from: "active" } };
    expect(nextAuditEntry(auditGenesisHead, reordered).hash).toBe(
      nextAuditEntry(auditGenesisHead, record).hash,
    );
  });

  it("see a change to any field, and to the link", () => {
    const entry = nextAuditEntry(auditGenesisHead, record);
    const changes: Partial<AuditEntry>[] = [
      { at: record.at + 1 },
      { actor: { ...record.actor, name: "someone else" } },
      { action: "participant.create" },
      { subject: "participant:other" },
      { details: { from: "active", to: "terminated" } },
    ];
    for (const change of changes) {
      expect(checkAuditLink(auditGenesisHead, { ...entry, ...change })).toBe("hash_mismatch");
    }
    const second = nextAuditEntry(entry, record);
    expect(checkAuditLink(entry, second)).toBeUndefined();
    expect(checkAuditLink(auditGenesisHead, second)).toBe("seq_gap");
    expect(checkAuditLink({ seq: 1, hash: "f".repeat(64) }, second)).toBe("prev_hash_mismatch");
    const { hash: _hash, ...unhashed } = second;
    expect(hashAuditEntry(unhashed)).toBe(second.hash);
  });

  it("refuse records that could not be kept for ever", () => {
    expect(() => nextAuditEntry(auditGenesisHead, { ...record, subject: "" })).toThrow();
    expect(() => nextAuditEntry(auditGenesisHead, { ...record, at: 1.5 })).toThrow();
    expect(() =>
      nextAuditEntry(auditGenesisHead, { ...record, actor: { ...record.actor, id: "" } }),
    ).toThrow();
  });
});
