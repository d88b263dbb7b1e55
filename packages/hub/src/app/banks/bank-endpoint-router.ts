import type { BankEndpoint } from "../../domain/banks/bank-endpoint.ts";
import { endpointFor, type PinnedAgreement } from "../../domain/banks/endpoint-for.ts";
import { isRetired } from "../../domain/banks/endpoint-retirement.ts";
import type { BankEndpointStore } from "../ports/bank-endpoint-store.ts";
import type { EndpointMigrationStore } from "../ports/endpoint-migration-store.ts";

export type RouteOutcome =
  | { readonly ok: true; readonly endpoint: BankEndpoint }
  | { readonly ok: false; readonly code: "bank_endpoint_not_found" | "bank_endpoint_retired" };

/**
 * Which endpoint of a bank a call goes to. New signings go to the bank's primary endpoint;
 * calls for an existing agreement go where its pinned endpoint and the bank's migrations say
 * (endpoint-for.ts). Both read the registry on every call, so an operator's weight change or
 * rollback applies to the next call on every hub node. Pass the endpoint answered to the
 * EndpointGuard; a disabled one is refused there without being called. A retired endpoint is
 * never answered: retiring refuses while live agreements are pinned to it, migrations touch it,
 * or it is primary, so only an ended agreement can still name it, and its call goes nowhere.
 */
export class BankEndpointRouter {
  constructor(
    private readonly endpoints: BankEndpointStore,
    private readonly migrations: EndpointMigrationStore,
  ) {}

  async forNewSigning(bankId: string): Promise<RouteOutcome> {
    return routed(await this.endpoints.findPrimary(bankId));
  }

  async forAgreement(bankId: string, agreement: PinnedAgreement): Promise<RouteOutcome> {
    const routing = await this.migrations.listRoutingMigrations(bankId);
    const endpointId = endpointFor(agreement, routing);
    return routed(await this.endpoints.findEndpoint(bankId, endpointId));
  }
}

function routed(endpoint: BankEndpoint | undefined): RouteOutcome {
  if (endpoint === undefined) return { ok: false, code: "bank_endpoint_not_found" };
  if (isRetired(endpoint)) return { ok: false, code: "bank_endpoint_retired" };
  return { ok: true, endpoint };
}
