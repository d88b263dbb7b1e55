/**
 * Where the hub publishes its public signing keys, as a JWK Set, without credentials: every
 * participant's system verifies the hub's signed requests with them.
 */
export const hubKeysPath = "/.well-known/clearhub-hub-keys";
