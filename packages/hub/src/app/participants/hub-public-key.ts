import type { Ed25519PublicJwk } from "@clearhub/http-signatures";

/** The public half of the key the hub signs webhooks and calls to banks with. */
export interface HubPublicKey {
  /** The RFC 7638 thumbprint of the key: the `keyid` of the hub's signatures. */
  readonly keyId: string;
  readonly publicJwk: Ed25519PublicJwk;
}
