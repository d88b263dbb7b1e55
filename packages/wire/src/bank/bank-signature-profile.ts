import { type ResponseComponent, responseSignedComponentsDefault } from "@clearhub/http-signatures";

/**
 * What the signatures of the bank interface cover. The hub's requests cover the content type
 * as well as the method, the target and the body's digest, so a captured body cannot be
 * replayed as another media type.
 */
export const hubRequestSignedComponents = [
  "@method",
  "@target-uri",
  "content-digest",
  "content-type",
] as const;

/**
 * A bank's answers cover their status and body and, from the request answered, its method,
 * target and Signature-Input: the answer is good for that one request only.
 */
export const bankAnswerSignedComponents: readonly ResponseComponent[] =
  responseSignedComponentsDefault;
