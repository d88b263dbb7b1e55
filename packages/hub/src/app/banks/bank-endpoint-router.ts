import type { BankEndpoint } from "../../domain/banks/bank-endpoint.ts";
import { endpointFor, type PinnedAgreement } from "../../domain/banks/endpoint-for.ts";
import type { BankEndpointStore } from "../ports/bank-endpoint-store.ts";
import type { EndpointMigrationStore } from "../ports/endpoint-migration-store.ts";

export type RouteOutcome =
  | { readonly ok: true; readonly endpoint: BankEndpoint }
  | { readonly ok: false; readonly code: "bank_endpoint_not_found" };

/**
 * Which endpoint of a bank a call goes to. New signings go to the bank's primary endpoint;
 * calls for an existing agreement go where its pinned endpoint and the bank's migrations say
 * (endpoint-for.ts). Both read the registry on every call, so an operator's weight change or
 * rollback applies to the next call on every hub node. Pass the endpoint answered to the
 * EndpointGuard; a disabled one is refused there without being called.
 */
export class BankEndpointRouter {
  constructor(
    private readonly endpoints: BankEndpointStore,
    private readonly migrations: EndpointMigrationStore,
  ) {}

  async forNewSigning(bankId: string): Promise<RouteOutcome> {
    const primary = await this.endpoints.findPrimary(bankId);
    return primary === undefined
      ? { ok: false, code: "bank_endpoint_not_found" }
      : { ok: true, endpoint: primary };
  }

  async forAgreement(bankId: string, agreement: PinnedAgreement): Promise<RouteOutcome> {
    const routing = await this.migrations.listRoutingMigrations(bankId);
    const endpointId = endpointFor(agreement, routing);
    const endpoint = await this.endpoints.findEndpoint(bankId, endpointId);
    return endpoint === undefined
      ? { ok: false, code: "bank_endpoint_not_found" }
      : { ok: true, endpoint };
  }
}
