import { describe, expect, it } from "vitest";
import type { BankEndpoint } from "../../src/domain/banks/bank-endpoint.ts";
import type {
  EndpointMigration,
  MigrationState,
} from "../../src/domain/banks/endpoint-migration.ts";
import {
  checkRetirement,
  type RetirementFacts,
  retiredEndpoint,
} from "../../src/domain/banks/endpoint-retirement.ts";

const endpoint: BankEndpoint = {
  bankId: "bank-a",
  id: "branch-2",
  url: "https://bank.example/branch-2",
  timeoutMs: 10_000,
  concurrencyMax: 64,
  breaker: { failurePercent: 50, windowMs: 30_000, minimumCalls: 20, halfOpenAfterMs: 15_000 },
  enabled: true,
  createdAt: 1,
  updatedAt: 1,
  retiredAt: null,
};

const quiet: RetirementFacts = {
  primaryEndpointId: "branch-1",
  livePins: false,
  openMigrations: [],
};

function migration(from: string, to: string, state: MigrationState): EndpointMigration {
  return {
    bankId: "bank-a",
    id: `${from}-${to}`,
    fromEndpointId: from,
    toEndpointId: to,
    weightPercent: 100,
    state,
    history: [],
    createdAt: 1,
    updatedAt: 1,
  };
}

describe("checkRetirement", () => {
  it("retires an endpoint that serves nothing and nothing moves through", () => {
    expect(checkRetirement(endpoint, quiet)).toEqual({ kind: "retire" });
  });

  it("answers a retired endpoint as already retired, whatever else holds", () => {
    const retired = retiredEndpoint(endpoint, 5);
    expect(retired).toMatchObject({ enabled: false, retiredAt: 5, updatedAt: 5 });
    const busy = {
      primaryEndpointId: "branch-2",
      livePins: true,
      openMigrations: [migration("branch-2", "branch-3", "active")],
    };
    expect(checkRetirement(retired, busy)).toEqual({ kind: "already_retired" });
  });

  it("refuses the primary before anything else", () => {
    const facts = { ...quiet, primaryEndpointId: "branch-2", livePins: true };
    expect(checkRetirement(endpoint, facts)).toEqual({
      kind: "refused",
      code: "bank_endpoint_is_primary",
    });
  });

  it("refuses while an active or completing migration goes from or to it", () => {
    for (const state of ["active", "completing"] as const) {
      for (const open of [
        migration("branch-2", "branch-3", state),
        migration("branch-3", "branch-2", state),
      ]) {
        expect(checkRetirement(endpoint, { ...quiet, openMigrations: [open] })).toEqual({
          kind: "refused",
          code: "bank_endpoint_migrating",
        });
      }
    }
  });

  it("lets completed, rolled-back and unrelated migrations be", () => {
    const openMigrations = [
      migration("branch-2", "branch-3", "completed"),
      migration("branch-3", "branch-2", "rolled_back"),
      migration("branch-1", "branch-3", "active"),
    ];
    expect(checkRetirement(endpoint, { ...quiet, openMigrations })).toEqual({ kind: "retire" });
  });

  it("refuses while live agreements are pinned to it", () => {
    expect(checkRetirement(endpoint, { ...quiet, livePins: true })).toEqual({
      kind: "refused",
      code: "bank_endpoint_agreements_pinned",
    });
  });
});
