import { type ResponseComponent, responseSignedComponentsDefault } from "@clearhub/http-signatures";

/**
 * What the signatures of the wallet interface cover: as with banks and billers. The hub's
 * requests cover the content type as well as the method, the target and the body's digest, so a
 * captured body cannot be replayed as another media type.
 */
export const hubToWalletSignedComponents = [
  "@method",
  "@target-uri",
  "content-digest",
  "content-type",
] as const;

/**
 * An issuer's answers cover their status and body and, from the request answered, its method,
 * target and Signature-Input: the answer is good for that one request only.
 */
export const walletAnswerSignedComponents: readonly ResponseComponent[] =
  responseSignedComponentsDefault;
