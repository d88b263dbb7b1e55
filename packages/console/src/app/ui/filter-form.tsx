import type { ComponentChildren } from "preact";
import { navigate, pathWithQuery } from "../router.tsx";
import { formValues } from "./fields.tsx";

/**
 * Filters kept in the page's address: submitting navigates to `path` with the named fields as
 * its query, so a filtered view can be bookmarked and Back undoes a filter. A new filter starts
 * again from the first page, since any cursor belongs to the old one.
 */
export function FilterForm({
  path,
  names,
  label,
  submitLabel = "Filter",
  whenEmpty,
  children,
}: {
  readonly path: string;
  /** The fields to carry into the address, in the order they should appear there. */
  readonly names: readonly string[];
  readonly label: string;
  readonly submitLabel?: string;
  /** The query to use when every filter is empty, for pages that only fetch once asked. */
  readonly whenEmpty?: Readonly<Record<string, string>>;
  readonly children: ComponentChildren;
}) {
  const submit = (event: Event) => {
    const values = formValues(event);
    const query = Object.fromEntries(names.map((name) => [name, values[name] ?? ""]));
    const empty = names.every((name) => query[name] === "");
    navigate(pathWithQuery(path, empty && whenEmpty !== undefined ? whenEmpty : query));
  };
  return (
    <form class="filters" onSubmit={submit} aria-label={label}>
      {children}
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
