/**
 * The console's only way to the hub: the same /operator/v1 API any client uses, so every action
 * is checked and audited there, and every refusal is the API's own problem details.
 */

export const apiBase = "/operator/v1";

/** One of a problem's itemised errors: which part of the request, and what is wrong with it. */
export interface ProblemItem {
  /** A JSON pointer into the request: `/lines/3` is a file's third line. */
  readonly pointer?: string;
  readonly code: string;
  readonly detail?: string;
}

/** An RFC 9457 problem as the hub answers it; `code` is the stable part. */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: readonly ProblemItem[];
}

function itemsOf(errors: unknown): readonly ProblemItem[] | undefined {
  if (!Array.isArray(errors)) return undefined;
  return errors
    .filter((item): item is ProblemItem => typeof item?.code === "string")
    .map((item) => ({
      code: item.code,
      ...(typeof item.pointer === "string" ? { pointer: item.pointer } : {}),
      ...(typeof item.detail === "string" ? { detail: item.detail } : {}),
    }));
}

export class ApiProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.title} (${problem.code})`);
  }
}

export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T;
}

export type QueryValues = Readonly<Record<string, string | number | undefined>>;

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

let csrfToken: string | undefined;
let onUnauthorized: () => void = () => {};

/** The session's CSRF token, sent as `x-csrf-token` with every unsafe request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when an API call answers 401: the session ended, so the console asks to log in. */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export function withQuery(path: string, query: QueryValues = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem> & { errors?: unknown };
    if (typeof body.code === "string" && typeof body.title === "string") {
      const errors = itemsOf(body.errors);
      return {
        status: response.status,
        title: body.title,
        code: body.code,
        ...(typeof body.detail === "string" ? { detail: body.detail } : {}),
        ...(errors === undefined || errors.length === 0 ? {} : { errors }),
      };
    }
  } catch {
    // Not a problem document: described from the status below.
  }
  return { status: response.status, title: response.statusText || "Request failed", code: "" };
}

export async function apiRequest<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (unsafeMethods.has(method) && csrfToken !== undefined) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, {
      method,
      headers,
      credentials: "same-origin",
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiProblemError({ status: 0, title: "The hub did not answer", code: "" });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) onUnauthorized();
    throw new ApiProblemError(problem);
  }
  const text = await response.text();
  return { status: response.status, body: (text === "" ? undefined : JSON.parse(text)) as T };
}

export async function apiGet<T>(path: string, query?: QueryValues): Promise<T> {
  return (await apiRequest<T>("GET", withQuery(path, query))).body;
}

/** Encodes one path segment: ids may hold characters that mean something in a URL. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
