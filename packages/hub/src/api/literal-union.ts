/**
 * The HTTP layer's schemas spell closed sets of strings with the same helper as the wire
 * contracts, so both describe them alike in their OpenAPI documents.
 */
export { literalUnion } from "@clearhub/wire";
