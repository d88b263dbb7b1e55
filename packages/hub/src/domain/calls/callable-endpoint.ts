import type { EndpointSettings } from "../banks/bank-endpoint.ts";
import type { CalledSystemKind } from "../participant/called-system-kind.ts";

/**
 * Whose system an endpoint is, named as its kind names it: a bank's endpoint carries `bankId`,
 * a biller's `billerId`, an issuer's (a payment institution's wallet or prepaid card system)
 * `issuerId`. The names are kept (rather than one `ownerId`) so that what the bank endpoints
 * already show (the registry, its health view, the metrics' `bank` label) reads as before;
 * `endpointOwner` gives the generic pair.
 */
export type EndpointOwner =
  | { readonly bankId: string }
  | { readonly billerId: string }
  | { readonly issuerId: string };

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
  if ("bankId" in owner) return { kind: "bank", id: owner.bankId };
  if ("billerId" in owner) return { kind: "biller", id: owner.billerId };
  return { kind: "payment_institution", id: owner.issuerId };
}

/** The owner in its kind's own field: the inverse of `endpointOwner`. */
export function ownerFields(owner: OwnerRef): EndpointOwner {
  switch (owner.kind) {
    case "bank":
      return { bankId: owner.id };
    case "biller":
      return { billerId: owner.id };
    case "payment_institution":
      return { issuerId: owner.id };
  }
}
