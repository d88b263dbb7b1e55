/**
 * What the benchmarks' load drivers (child processes) share: reading the key they are handed,
 * an SDK client that never retries, naming a failure, and timing a closed-loop phase.
 */
import { createPrivateKey, type KeyObject } from "node:crypto";
import { ClearhubClient, ClearhubProblemError } from "@clearhub/sdk";
import { withCpuMs } from "./bench-figures.ts";

/** The private key a driver is handed: PKCS#8 DER, base64. */
export function privateKeyOf(pkcs8Base64: string): KeyObject {
  return createPrivateKey({
    key: Buffer.from(pkcs8Base64, "base64"),
    format: "der",
    type: "pkcs8",
  });
}

/**
 * An SDK client signing as the participant. No retries: a failure is counted as it happened,
 * not hidden behind a second attempt.
 */
export function benchSdkClient(
  origin: string,
  key: { readonly keyId: string; readonly privateKeyPkcs8: string },
  attemptTimeoutMs: number,
): ClearhubClient {
  return new ClearhubClient({
    baseUrl: origin,
    keyId: key.keyId,
    privateKey: privateKeyOf(key.privateKeyPkcs8),
    retry: { attemptsMax: 1 },
    attemptTimeoutMs,
  });
}

/**
 * A refusal by its status and problem code; no answer by the error's name, and with `cause`
 * by what caused it too (`TypeError (ECONNRESET)`).
 */
export function sdkErrorCode(error: unknown, cause = false): string {
  if (error instanceof ClearhubProblemError) return `${error.status} ${error.code}`;
  if (!(error instanceof Error)) return String(error);
  if (!cause) return error.name;
  const why = (error.cause as { code?: unknown; name?: unknown } | undefined) ?? {};
  const named = why.code ?? why.name;
  return typeof named === "string" ? `${error.name} (${named})` : error.name;
}

/** The recorder of `key` in `recorders`, made on first use. */
export function recorderFor<K, R>(recorders: Map<K, R>, key: K, make: (key: K) => R): R {
  let recorder = recorders.get(key);
  if (recorder === undefined) {
    recorder = make(key);
    recorders.set(key, recorder);
  }
  return recorder;
}

/** A closed-loop phase's wall and CPU time, its slices added up. */
export interface PhaseTime {
  seconds: number;
  cpuMs: number;
}

/**
 * One slice of a closed-loop phase: `callers` callers, each sending its next request when its
 * last is answered until `durationMs` has passed; adds the slice's wall and CPU time to `time`.
 */
export async function runClosedLoopSlice(
  time: PhaseTime,
  callers: number,
  durationMs: number,
  caller: (index: number, deadline: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const deadline = started + durationMs;
  const { cpuMs } = await withCpuMs(() =>
    Promise.all(Array.from({ length: callers }, (_, index) => caller(index, deadline))),
  );
  time.seconds += (performance.now() - started) / 1000;
  time.cpuMs += cpuMs;
}
