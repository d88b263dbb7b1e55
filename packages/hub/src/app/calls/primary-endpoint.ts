import { type OwnerRef, ownerFields } from "../../domain/calls/callable-endpoint.ts";
import type { BankEndpointRouter } from "../banks/bank-endpoint-router.ts";
import type { EndpointChoice } from "./operation-runner.ts";

/**
 * The endpoint the hub calls on a biller's or an issuer's system: its owner's primary in the
 * endpoint registry, which holds their endpoints beside banks'. The registry's rows name every
 * owner `bankId`; the endpoint is renamed to its owner's kind so the guard, the trace and the
 * metrics tell them apart.
 */
export function primaryEndpointOf(
  router: BankEndpointRouter,
  kind: Exclude<OwnerRef["kind"], "bank">,
): (ownerId: string) => Promise<EndpointChoice> {
  return async (ownerId) => {
    const routed = await router.forNewSigning(ownerId);
    if (!routed.ok) return routed;
    const { bankId: _bank, ...endpoint } = routed.endpoint;
    return { ok: true, endpoint: { ...endpoint, ...ownerFields({ kind, id: ownerId }) } };
  };
}
