/** Derives a slow, salted hash of an operator's password and checks a password against one. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}
