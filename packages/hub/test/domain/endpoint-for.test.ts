import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreementBucket, bucketCount, endpointFor } from "../../src/domain/banks/endpoint-for.ts";
import {
  applyMigrationChange,
  type EndpointMigration,
  type MigrationState,
} from "../../src/domain/banks/endpoint-migration.ts";

function migration(
  weightPercent: number,
  state: MigrationState = "active",
  fields: Partial<EndpointMigration> = {},
): EndpointMigration {
  return {
    bankId: "bank-a",
    id: "m-1",
    fromEndpointId: "branch-1",
    toEndpointId: "head-office",
    weightPercent,
    state,
    history: [],
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}

const agreementIds = fc.string({ minLength: 1, maxLength: 40 });
const weights = fc.integer({ min: 0, max: 100 });
const pinnedAt = (id: string) => ({ id, pinnedEndpointId: "branch-1" });

describe("endpointFor", () => {
  it("is stable: the same agreement and weight always give the same endpoint", () => {
    fc.assert(
      fc.property(agreementIds, weights, (id, weight) => {
        const first = endpointFor(pinnedAt(id), [migration(weight)]);
        expect(endpointFor(pinnedAt(id), [migration(weight)])).toBe(first);
        expect(agreementBucket(id)).toBeGreaterThanOrEqual(0);
        expect(agreementBucket(id)).toBeLessThan(bucketCount);
      }),
    );
  });

  it("is monotonic in the weight: raising it never moves an agreement back", () => {
    fc.assert(
      fc.property(agreementIds, weights, weights, (id, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        if (endpointFor(pinnedAt(id), [migration(low)]) === "head-office") {
          expect(endpointFor(pinnedAt(id), [migration(high)])).toBe("head-office");
        }
      }),
    );
  });

  it("sends every agreement to its pinned endpoint at weight 0, after a rollback, and to the target at 100", () => {
    fc.assert(
      fc.property(agreementIds, weights, (id, weight) => {
        expect(endpointFor(pinnedAt(id), [migration(0)])).toBe("branch-1");
        const rolledBack = applyMigrationChange(migration(weight), { kind: "rollback" }, 2, "ops");
        if (!rolledBack.ok) throw new Error(rolledBack.code);
        expect(endpointFor(pinnedAt(id), [rolledBack.migration])).toBe("branch-1");
        expect(endpointFor(pinnedAt(id), [migration(100)])).toBe("head-office");
        expect(endpointFor(pinnedAt(id), [migration(100, "completing")])).toBe("head-office");
        expect(endpointFor(pinnedAt(id), [migration(100, "completed")])).toBe("branch-1");
      }),
    );
  });

  it("moves only agreements pinned to the migration's source", () => {
    fc.assert(
      fc.property(agreementIds, weights, (id, weight) => {
        const elsewhere = { id, pinnedEndpointId: "branch-2" };
        expect(endpointFor(elsewhere, [migration(weight)])).toBe("branch-2");
        const chained = migration(100, "active", { id: "m-2", fromEndpointId: "branch-2" });
        expect(endpointFor(elsewhere, [migration(weight), chained])).toBe("head-office");
      }),
    );
  });

  it("moves about the weight's share of many agreements", () => {
    const ids = Array.from({ length: 20_000 }, (_, index) => `agreement-${index}`);
    for (const weight of [1, 10, 50, 90]) {
      const moved = ids.filter(
        (id) => endpointFor(pinnedAt(id), [migration(weight)]) === "head-office",
      ).length;
      // Binomial with n = 20000: 4 standard deviations are at most 1.4 percentage points.
      expect(Math.abs(moved / ids.length - weight / 100)).toBeLessThan(0.015);
    }
  });

  it("refuses to guess between two migrations leaving the same endpoint", () => {
    expect(() =>
      endpointFor(pinnedAt("a-1"), [migration(10), migration(20, "active", { id: "m-2" })]),
    ).toThrow(/two routing migrations/);
  });
});

describe("endpoint migration changes", () => {
  it("weigh, roll back and complete only an active migration, complete only at 100", () => {
    const changed = (m: EndpointMigration, change: Parameters<typeof applyMigrationChange>[1]) =>
      applyMigrationChange(m, change, 5, "ops");
    expect(changed(migration(40), { kind: "complete" })).toEqual({
      ok: false,
      code: "endpoint_migration_weight_not_full",
    });
    const completing = changed(migration(100), { kind: "complete" });
    expect(completing).toMatchObject({ ok: true, migration: { state: "completing" } });
    if (!completing.ok) return;
    expect(changed(completing.migration, { kind: "rollback" })).toEqual({
      ok: false,
      code: "endpoint_migration_not_active",
    });
    expect(changed(completing.migration, { kind: "finish" })).toMatchObject({
      ok: true,
      migration: {
        state: "completed",
        weightPercent: 100,
        history: [
          { at: 5, actorId: "ops", weightPercent: 100, state: "completing" },
          { state: "completed" },
        ],
      },
    });
    expect(changed(migration(30, "rolled_back"), { kind: "weight", weightPercent: 50 })).toEqual({
      ok: false,
      code: "endpoint_migration_not_active",
    });
    expect(changed(migration(30), { kind: "rollback" })).toMatchObject({
      ok: true,
      migration: { state: "rolled_back", weightPercent: 0 },
    });
  });
});
