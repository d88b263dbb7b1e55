import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

/** Where the hub serves the console; the shell names it so the script needs no configuration. */
export const basePath = document.getElementById("app")?.dataset.basePath ?? "/console";

export interface ConsoleLocation {
  /** The path inside the console, from `/`: `/participants/bank-east`. */
  readonly path: string;
  readonly query: URLSearchParams;
}

const listeners = new Set<() => void>();

function readLocation(): ConsoleLocation {
  const { pathname, search } = window.location;
  const inside = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  return { path: inside === "" ? "/" : inside, query: new URLSearchParams(search) };
}

/** Changes the address without reloading; every page reading the location renders again. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = `${basePath}${to}`;
  if (options.replace === true) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  for (const listener of listeners) listener();
}

window.addEventListener("popstate", () => {
  for (const listener of listeners) listener();
});

export function useLocation(): ConsoleLocation {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const update = () => setLocation(readLocation());
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return location;
}

/** A path with its query, leaving out empty values. */
export function pathWithQuery(path: string, query: Readonly<Record<string, string>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== "") search.set(name, value);
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}

interface LinkProps {
  readonly href: string;
  readonly children: ComponentChildren;
  readonly class?: string;
  readonly "aria-current"?: "page" | undefined;
}

/** A real link (it opens in a new tab, and reloads to the same page), routed in place on click. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={`${basePath}${href}`} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

/** Matches `/participants/:participantId` against a path; the parameters, or undefined. */
export function matchPath(
  pattern: string,
  path: string,
): Readonly<Record<string, string>> | undefined {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? "";
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) return undefined;
  }
  return params;
}
