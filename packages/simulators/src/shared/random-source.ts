import { randomInt } from "node:crypto";

/** Uniform numbers in [0, 1): the simulator's one source of chance. */
export type RandomSource = () => number;

/**
 * A small seeded generator (mulberry32): the same seed gives the same passwords and the same
 * injected faults in the same order, so a failing run can be repeated. Not for secrets: the
 * simulator's passwords guard nothing real.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randomSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

/** `digits` decimal digits, leading zeros kept. */
export function randomDigits(random: RandomSource, digits: number): string {
  let text = "";
  for (let i = 0; i < digits; i++) text += String(Math.floor(random() * 10));
  return text;
}

/** A tag of base-36 characters telling one simulator run's ids from another's. */
export function randomTag(random: RandomSource, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += Math.floor(random() * 36).toString(36);
  return text.toUpperCase();
}
