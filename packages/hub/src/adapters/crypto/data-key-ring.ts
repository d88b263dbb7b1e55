import { createSecretKey, type KeyObject } from "node:crypto";

/**
 * One AES-256 key of the ring. The secret is a KeyObject rather than a Buffer so that logging
 * or inspecting a key by mistake prints `SecretKeyObject { type: 'secret' }`, not its bytes.
 */
export interface DataKey {
  readonly id: string;
  readonly secret: KeyObject;
}

/**
 * The keys that seal and open sensitive fields. New values are sealed under `current`; every
 * key, current or older, opens the values sealed under it, found by the key id each sealed value
 * names. Rotation puts a new key in front and keeps the old ones until their rows are rewrapped.
 */
export interface DataKeyRing {
  readonly current: DataKey;
  /** Every key id, the current one first. */
  readonly ids: readonly string[];
  find(id: string): DataKey | undefined;
}

export const dataKeyBytes = 32;
/**
 * Letters, digits, '_' and '-': a key id never holds the '.' of the sealed format, the ':' of a
 * key entry or the ',' between entries.
 */
export const dataKeyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

export function dataKey(id: string, bytes: Uint8Array): DataKey {
  if (!dataKeyIdPattern.test(id)) throw new Error(`data key id "${id}" is not a valid key id`);
  if (bytes.length !== dataKeyBytes)
    throw new Error(`data key "${id}" is not ${dataKeyBytes} bytes`);
  return { id, secret: createSecretKey(bytes) };
}

/** The ring of `keys`, the first being current. Callers check ids for duplicates first. */
export function dataKeyRing(keys: readonly [DataKey, ...DataKey[]]): DataKeyRing {
  const byId = new Map(keys.map((key) => [key.id, key]));
  if (byId.size !== keys.length) throw new Error("a data key ring holds a key id twice");
  return { current: keys[0], ids: keys.map((key) => key.id), find: (id) => byId.get(id) };
}
