import type { OperatorRole } from "./operator-role.ts";

/** A named person or system that operates the hub. Disabled accounts keep their name for ever. */
export interface OperatorAccount {
  readonly id: string;
  readonly name: string;
  readonly role: OperatorRole;
  /** False for accounts that exist only to hold tokens. */
  readonly canLogIn: boolean;
  readonly createdAt: number;
  readonly disabledAt: number | null;
}

export const operatorNameLengthMax = 100;
/**
 * Letters, digits, spaces and `.`, `_`, `@`, `-`, starting with a letter or digit: names appear in
 * the audit log, the console and command lines, where anything else would need quoting.
 */
const operatorNamePattern = /^[A-Za-z0-9][A-Za-z0-9 ._@-]*$/;

export function isOperatorName(name: string): boolean {
  return name.length <= operatorNameLengthMax && operatorNamePattern.test(name);
}

/**
 * NIST SP 800-63B: at least 8 characters for a chosen secret; 12 here since these accounts move
 * money. The upper bound keeps the key derivation's input bounded.
 */
export const passwordLengthMin = 12;
export const operatorPasswordLengthMax = 256;

export function isAcceptablePassword(password: string): boolean {
  return password.length >= passwordLengthMin && password.length <= operatorPasswordLengthMax;
}
