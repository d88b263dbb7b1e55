import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { BankEndpoint, EndpointSettingsPatch } from "../../domain/banks/bank-endpoint.ts";
import type { RetirementRefusal } from "../../domain/banks/endpoint-retirement.ts";

/** Why a write to a bank's endpoints was refused; each is checked in the write's transaction. */
export type BankEndpointRefusal =
  | "participant_not_found"
  | "participant_not_bank"
  | "participant_terminated"
  | "bank_endpoint_exists"
  | "bank_endpoints_exhausted"
  | "bank_endpoint_not_found"
  | "bank_endpoint_disabled"
  | "bank_endpoint_is_primary"
  | "bank_endpoint_in_use"
  | "bank_endpoint_retired"
  | RetirementRefusal;

/** How many endpoints a bank may have in service, and kept in all (retired ones included). */
export interface EndpointLimits {
  readonly inServiceMax: number;
  readonly keptMax: number;
}

export type EndpointWrite<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: BankEndpointRefusal };

export interface EndpointUpdateOptions {
  /**
   * Disable the endpoint even though live agreements (requested, awaiting their password, or
   * active) are pinned to it: their calls then fail until a migration moves them. Without it,
   * such a disable is refused with `bank_endpoint_in_use`.
   */
  readonly force?: boolean | undefined;
}

export interface BankEndpoints {
  /** Oldest first. */
  readonly endpoints: BankEndpoint[];
  /** Null only while the bank has no endpoint. */
  readonly primaryEndpointId: string | null;
}

/**
 * A bank's interface endpoints and which one is primary. Every write locks the bank (its
 * participant row) for its transaction, checks and writes, and appends its audit record there:
 * concurrent operators, on any node, cannot exceed the limit or leave a bank without a primary.
 */
export interface BankEndpointStore {
  /**
   * The bank's first endpoint becomes its primary in the same transaction. A retired endpoint's
   * id stays taken (`bank_endpoint_exists`).
   */
  addEndpoint(
    endpoint: BankEndpoint,
    limits: EndpointLimits,
    audit: AuditRecord,
  ): Promise<EndpointWrite<{ primary: boolean }>>;
  /**
   * Applies a checked patch at `at`. Disabling the primary endpoint is refused: new signings
   * would have nowhere to go. A retired endpoint is never changed (`bank_endpoint_retired`).
   */
  updateEndpoint(
    bankId: string,
    endpointId: string,
    patch: EndpointSettingsPatch,
    at: number,
    audit: AuditRecord,
    options?: EndpointUpdateOptions,
  ): Promise<EndpointWrite<BankEndpoint>>;
  /**
   * Retires the endpoint at `at` when checkRetirement allows it, on facts read in the same
   * transaction. Retiring a retired endpoint answers it unchanged, with `changed` false, and
   * writes (and audits) nothing.
   */
  retireEndpoint(
    bankId: string,
    endpointId: string,
    at: number,
    audit: AuditRecord,
  ): Promise<EndpointWrite<{ endpoint: BankEndpoint; changed: boolean }>>;
  /**
   * Makes an enabled, unretired endpoint the primary in one statement, so there is never a moment with
   * none or two. Answers the endpoint that was primary, which the audit record is made with;
   * nothing is written (or audited) when it already was.
   */
  setPrimary(
    bankId: string,
    endpointId: string,
    audit: (previous: string | null) => AuditRecord,
  ): Promise<EndpointWrite<{ previous: string | null }>>;
  listEndpoints(bankId: string): Promise<BankEndpoints>;
  findEndpoint(bankId: string, endpointId: string): Promise<BankEndpoint | undefined>;
  findPrimary(bankId: string): Promise<BankEndpoint | undefined>;
}
