import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  type BankEndpoint,
  bankEndpointIdPattern,
  checkSettingsPatch,
  type EndpointSettingsError,
  type EndpointSettingsPatch,
  endpointsKeptPerBankMax,
  endpointsPerBankMax,
  newEndpointSettings,
} from "../../domain/banks/bank-endpoint.ts";
import type { CalledSystemKind } from "../../domain/participant/called-system-kind.ts";
import type {
  BankEndpointRefusal,
  BankEndpointStore,
  BankEndpoints,
  EndpointUpdateOptions,
} from "../ports/bank-endpoint-store.ts";
import type { EndpointGuard, EndpointHealth } from "../ports/endpoint-guard.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export type BankEndpointErrorCode =
  | "bank_endpoint_id_invalid"
  | "participant_not_biller"
  | "participant_not_issuer"
  | EndpointSettingsError
  | BankEndpointRefusal;

export type EndpointOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: BankEndpointErrorCode };

export interface NewBankEndpoint extends EndpointSettingsPatch {
  readonly id: string;
  readonly url: string;
}

export type EndpointHealthView = EndpointHealth & {
  readonly enabled: boolean;
  readonly primary: boolean;
  readonly concurrencyMax: number;
};

function fail<T>(code: BankEndpointErrorCode): EndpointOutcome<T> {
  return { ok: false, code };
}

/** Auditable JSON of a patch: only the fields it sets. */
function patchDetails(patch: EndpointSettingsPatch): AuditDetails {
  return JSON.parse(JSON.stringify(patch)) as AuditDetails;
}

/**
 * The operator's registry of the endpoints of participants' systems (each bank's interface
 * endpoints; billers' next), and their health on this node. One registry serves the kinds in
 * `ownerKinds`: the bank routes' registry takes banks only and answers any other participant
 * `participant_not_bank`, as it always has; a registry given `["biller"]` takes billers' endpoints
 * the same way and answers any other participant `participant_not_biller`, and one given
 * `["payment_institution"]` takes issuers' (wallets', prepaid card systems') endpoints and answers
 * `participant_not_issuer`. The `bankId` of its endpoints is their owner's id, whatever its kind.
 */
export class BankEndpointService {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly store: BankEndpointStore,
    private readonly guard: EndpointGuard,
    private readonly clock: () => number = Date.now,
    private readonly ownerKinds: readonly CalledSystemKind[] = ["bank"],
  ) {}

  async add(
    bankId: string,
    input: NewBankEndpoint,
    actor: AuditActor,
  ): Promise<EndpointOutcome<{ endpoint: BankEndpoint; primary: boolean }>> {
    if (!bankEndpointIdPattern.test(input.id)) return fail("bank_endpoint_id_invalid");
    const { id, ...fields } = input;
    const checked = checkSettingsPatch(fields);
    if (!checked.ok) return fail(checked.code);
    const at = this.clock();
    const settings = newEndpointSettings(checked.patch.url ?? input.url, checked.patch);
    const endpoint: BankEndpoint = {
      bankId,
      id,
      ...settings,
      createdAt: at,
      updatedAt: at,
      retiredAt: null,
    };
    const details = patchDetails(settings);
    const audit = this.record(actor, "bank_endpoint.add", bankId, id, details, at);
    const limits = { inServiceMax: endpointsPerBankMax, keptMax: endpointsKeptPerBankMax };
    const refusal = await this.checkBank(bankId);
    if (refusal !== undefined) return fail(refusal);
    const added = await this.store.addEndpoint(endpoint, limits, audit);
    if (!added.ok) return added;
    return { ok: true, value: { endpoint, primary: added.value.primary } };
  }

  async update(
    bankId: string,
    endpointId: string,
    patch: EndpointSettingsPatch,
    actor: AuditActor,
    options: EndpointUpdateOptions = {},
  ): Promise<EndpointOutcome<BankEndpoint>> {
    const checked = checkSettingsPatch(patch);
    if (!checked.ok) return fail(checked.code);
    const refusal = await this.checkBank(bankId);
    if (refusal !== undefined) return fail(refusal);
    const at = this.clock();
    const forced = options.force === true && patch.enabled === false;
    const details = { ...patchDetails(checked.patch), ...(forced ? { force: true } : {}) };
    const audit = this.record(actor, "bank_endpoint.update", bankId, endpointId, details, at);
    return this.store.updateEndpoint(bankId, endpointId, checked.patch, at, audit, options);
  }

  /**
   * Takes the endpoint out of service for good: never called, changed, made primary or migrated
   * to again; kept, with its id, in the listing and the log. See endpoint-retirement.ts for when
   * it is refused. Retiring it again answers it unchanged.
   */
  async retire(
    bankId: string,
    endpointId: string,
    actor: AuditActor,
  ): Promise<EndpointOutcome<BankEndpoint>> {
    const refusal = await this.checkBank(bankId);
    if (refusal !== undefined) return fail(refusal);
    const at = this.clock();
    const audit = this.record(actor, "bank_endpoint.retire", bankId, endpointId, {}, at);
    const retired = await this.store.retireEndpoint(bankId, endpointId, at, audit);
    return retired.ok ? { ok: true, value: retired.value.endpoint } : retired;
  }

  /** Where new signings go from now on; agreements already signed stay on their endpoints. */
  async setPrimary(
    bankId: string,
    endpointId: string,
    actor: AuditActor,
  ): Promise<EndpointOutcome<{ previous: string | null }>> {
    const refusal = await this.checkBank(bankId);
    if (refusal !== undefined) return fail(refusal);
    const at = this.clock();
    return this.store.setPrimary(bankId, endpointId, (previous) =>
      this.record(actor, "bank_endpoint.primary_set", bankId, endpointId, { previous }, at),
    );
  }

  async list(bankId: string): Promise<EndpointOutcome<BankEndpoints>> {
    const refusal = await this.checkBank(bankId);
    if (refusal !== undefined) return fail(refusal);
    return { ok: true, value: await this.store.listEndpoints(bankId) };
  }

  /** Every endpoint of the bank with its breaker, load and recent calls on this hub node. */
  async health(bankId: string): Promise<EndpointOutcome<EndpointHealthView[]>> {
    const listed = await this.list(bankId);
    if (!listed.ok) return listed;
    const { endpoints, primaryEndpointId } = listed.value;
    return {
      ok: true,
      value: endpoints.map((endpoint) => ({
        ...this.guard.health(endpoint),
        enabled: endpoint.enabled,
        primary: endpoint.id === primaryEndpointId,
        concurrencyMax: endpoint.concurrencyMax,
      })),
    };
  }

  private async checkBank(bankId: string): Promise<BankEndpointErrorCode | undefined> {
    const bank = await this.participants.findParticipant(bankId);
    if (bank === undefined) return "participant_not_found";
    if ((this.ownerKinds as readonly string[]).includes(bank.kind)) return undefined;
    // Any registry that takes banks keeps its old code; one of billers or issuers alone says so.
    if (this.ownerKinds.includes("bank")) return "participant_not_bank";
    return this.ownerKinds.includes("biller") ? "participant_not_biller" : "participant_not_issuer";
  }

  private record(
    actor: AuditActor,
    action: AuditAction,
    bankId: string,
    endpointId: string,
    details: AuditDetails,
    at: number,
  ): AuditRecord {
    return { at, actor, action, subject: `bank_endpoint:${bankId}/${endpointId}`, details };
  }
}
