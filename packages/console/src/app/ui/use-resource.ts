import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiProblemError, apiGet, type Problem } from "../api-client.ts";

export interface Resource<T> {
  readonly data: T | undefined;
  readonly problem: Problem | undefined;
  readonly loading: boolean;
  /** Reads again now, keeping what is shown until the answer arrives. */
  reload(): void;
}

export function problemOf(error: unknown): Problem {
  if (error instanceof ApiProblemError) return error.problem;
  return { status: 0, title: error instanceof Error ? error.message : String(error), code: "" };
}

/**
 * Reads `path` from the operator API, again whenever the path changes or `reload` is called,
 * and every `refreshMs` when given (a live view). An answer that arrives after a newer request
 * was made is dropped, so a slow old answer never replaces a new one.
 */
export function useResource<T>(path: string | undefined, refreshMs?: number): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [loading, setLoading] = useState(path !== undefined);
  const latest = useRef(0);
  const load = useCallback(() => {
    if (path === undefined) return;
    const request = ++latest.current;
    setLoading(true);
    apiGet<T>(path).then(
      (body) => {
        if (request !== latest.current) return;
        setData(body);
        setProblem(undefined);
        setLoading(false);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setProblem(problemOf(error));
        setLoading(false);
      },
    );
  }, [path]);
  useEffect(() => {
    setData(undefined);
    load();
    if (refreshMs === undefined) return undefined;
    const timer = window.setInterval(load, refreshMs);
    return () => window.clearInterval(timer);
  }, [load, refreshMs]);
  return { data, problem, loading, reload: load };
}
