import { readFile } from "node:fs/promises";
import { InvalidArgumentError } from "commander";

/** The simulators' command lines: argument parsers and the configuration file they share. */

export function integer(min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

export function share(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidArgumentError("expected a number from 0 to 1");
  }
  return value;
}

/** Only the options given on the command line, to lay over the configuration's. */
export function givenOnly<Value>(
  flags: Record<string, Value | undefined>,
): Partial<Record<string, Value>> {
  return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
}

/** A private key in PKCS#8 PEM: from a file, else from the environment variable, else none. */
export async function privateKeyPem(
  keyFile: string | undefined,
  environmentVariable: string,
): Promise<string | undefined> {
  if (keyFile !== undefined) return readFile(keyFile, "utf8");
  const fromEnvironment = process.env[environmentVariable];
  return fromEnvironment === undefined || fromEnvironment === "" ? undefined : fromEnvironment;
}

/** Reads a JSON configuration; a key it does not know is an error, as a typo would be. */
export async function readConfigObject(
  file: string,
  knownKeys: ReadonlySet<string>,
): Promise<Record<string, unknown>> {
  const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}: expected a JSON object`);
  }
  const unknownKeys = Object.keys(parsed).filter((key) => !knownKeys.has(key));
  if (unknownKeys.length > 0) throw new Error(`${file}: unknown keys ${unknownKeys.join(", ")}`);
  return parsed as Record<string, unknown>;
}
