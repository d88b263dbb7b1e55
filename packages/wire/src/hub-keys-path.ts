/**
 * Where the hub publishes its public keys (a JWK Set, no credentials needed): every interface
 * tells its counterparts to verify the hub's signatures with the keys found here, and the hub
 * serves them here. One constant, so the documents and the route cannot disagree.
 */
export const hubKeysPath = "/.well-known/clearhub-hub-keys";
