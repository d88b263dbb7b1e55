import { ApiProblemError, apiRequest, setCsrfToken } from "./api-client.ts";

export type Role = "viewer" | "operator" | "admin";

export interface Operator {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface Session {
  readonly operator: Operator;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** The session the browser's cookie stands for, or undefined when nobody is logged in. */
export async function currentSession(): Promise<Session | undefined> {
  try {
    const { body } = await apiRequest<Session>("GET", "/session");
    setCsrfToken(body.csrfToken);
    return body;
  } catch (error) {
    if (error instanceof ApiProblemError && error.problem.status === 401) return undefined;
    throw error;
  }
}

export async function logIn(name: string, password: string): Promise<Session> {
  const { body } = await apiRequest<Session>("POST", "/session", { name, password });
  setCsrfToken(body.csrfToken);
  return body;
}

export async function logOut(): Promise<void> {
  try {
    await apiRequest("DELETE", "/session");
  } finally {
    setCsrfToken(undefined);
  }
}
