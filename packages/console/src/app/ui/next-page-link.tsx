import type { ComponentChildren } from "preact";
import { Link, pathWithQuery } from "../router.tsx";

/**
 * The link to the following page of a cursor-paged list, keeping the filters; absent on the last
 * page. It is a link rather than a button so the page reached has its own address.
 */
export function NextPageLink({
  path,
  filters,
  nextCursor,
  children = "Next page",
}: {
  readonly path: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly nextCursor: string | null | undefined;
  readonly children?: ComponentChildren;
}) {
  if (nextCursor === null || nextCursor === undefined) return null;
  return (
    <p>
      <Link href={pathWithQuery(path, { ...filters, cursor: nextCursor })}>{children}</Link>
    </p>
  );
}
