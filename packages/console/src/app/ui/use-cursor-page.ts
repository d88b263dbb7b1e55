import { withQuery } from "../api-client.ts";
import { useLocation } from "../router.tsx";
import { type Resource, useResource } from "./use-resource.ts";

/** One page of a list the API pages by cursor. */
export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface FilteredPage<T> {
  /** The filters as the address holds them ("" when absent), to show in the form. */
  readonly filters: Readonly<Record<string, string>>;
  readonly page: Resource<CursorPage<T>>;
}

/**
 * The page of `apiPath` that the address asks for: its named filters and its cursor are read from
 * the query, so the list follows Back, reloads and shared links. With `enabled` false nothing is
 * fetched (a search that waits to be asked).
 */
export function useCursorPage<T>(
  apiPath: string,
  names: readonly string[],
  limit: number,
  enabled = true,
): FilteredPage<T> {
  const { query } = useLocation();
  const filters = Object.fromEntries(names.map((name) => [name, query.get(name) ?? ""]));
  const cursor = query.get("cursor") ?? "";
  const page = useResource<CursorPage<T>>(
    enabled ? withQuery(apiPath, { ...filters, cursor, limit }) : undefined,
  );
  return { filters, page };
}
