/**
 * HTTP Message Signatures (RFC 9421) with Ed25519 over Content-Digest (RFC 9530): the scheme
 * clearhub verifies on every participant request and uses to sign its webhooks, and, for
 * responses bound to the request they answer, the one banks answer the hub with.
 */
export * from "./content-digest.ts";
export * from "./header-fields.ts";
export * from "./key-material.ts";
export * from "./message-signer.ts";
export * from "./message-verifier.ts";
export * from "./response-signature-base.ts";
export * from "./response-signer.ts";
export * from "./response-verifier.ts";
export * from "./signature-base.ts";
export * from "./signature-fields.ts";
export * from "./signature-nonce.ts";
export * from "./signature-params.ts";
export * from "./signature-result-code.ts";
