import type { EndpointSettings } from "../banks/bank-endpoint.ts";
import type { CalledSystemKind } from "../participant/called-system-kind.ts";

/**
 * Whose system an endpoint is, named as its kind names it: a bank's endpoint carries `bankId`,
 * a biller's `billerId`. The names are kept (rather than one `ownerId`) so that what the bank
 * endpoints already show (the registry, its health view, the metrics' `bank` label) reads as
 * before; `endpointOwner` gives the generic pair. A wallet issuer's endpoint adds its own field.
 */
export type EndpointOwner = { readonly bankId: string } | { readonly billerId: string };

/**
 * One endpoint of a participant's system the hub calls, as the guard needs it: its owner, its
 * id among the owner's endpoints, and how it is called (URL, timeout, concurrency, breaker,
 * enabled). A bank endpoint (`BankEndpoint`) is one as it stands.
 */
export type CallableEndpoint = EndpointSettings & EndpointOwner & { readonly id: string };

/** The participant whose system an endpoint is, with its kind. */
export interface OwnerRef {
  readonly kind: CalledSystemKind;
  readonly id: string;
}

export function endpointOwner(owner: EndpointOwner): OwnerRef {
  return "bankId" in owner
    ? { kind: "bank", id: owner.bankId }
    : { kind: "biller", id: owner.billerId };
}

/** The owner in its kind's own field: the inverse of `endpointOwner`. */
export function ownerFields(owner: OwnerRef): EndpointOwner {
  return owner.kind === "bank" ? { bankId: owner.id } : { billerId: owner.id };
}
