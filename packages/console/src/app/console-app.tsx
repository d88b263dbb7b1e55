import { useEffect, useState } from "preact/hooks";
import { type Problem, whenUnauthorized } from "./api-client.ts";
import { type ConsolePage, consolePages, homePath } from "./console-pages.tsx";
import { LoginPage } from "./pages/login-page.tsx";
import { Link, matchPath, navigate, useLocation } from "./router.tsx";
import { currentSession, logOut, type Session } from "./session.ts";
import { ProblemNotice } from "./ui/problem-notice.tsx";
import { problemOf } from "./ui/use-resource.ts";

type SessionState =
  | { readonly kind: "checking" }
  | { readonly kind: "anonymous" }
  | { readonly kind: "unreachable"; readonly problem: Problem }
  | { readonly kind: "in"; readonly session: Session };

function findPage(path: string) {
  for (const page of consolePages) {
    const params = matchPath(page.path, path);
    if (params !== undefined) return { page, params };
  }
  return undefined;
}

/** The page whose navigation entry is current: the page itself, or the list a detail is under. */
function isCurrent(entry: ConsolePage, path: string): boolean {
  return path === entry.path || path.startsWith(`${entry.path}/`);
}

export function ConsoleApp() {
  const [state, setState] = useState<SessionState>({ kind: "checking" });
  const location = useLocation();
  useEffect(() => {
    whenUnauthorized(() => setState({ kind: "anonymous" }));
    currentSession().then(
      (session) =>
        setState(session === undefined ? { kind: "anonymous" } : { kind: "in", session }),
      (error: unknown) => setState({ kind: "unreachable", problem: problemOf(error) }),
    );
  }, []);
  const found = findPage(location.path);
  useEffect(() => {
    if (location.path === "/" || location.path === "/login") navigate(homePath, { replace: true });
  }, [location.path]);
  useEffect(() => {
    document.title = `${state.kind === "in" ? (found?.page.title ?? "Not found") : "Log in"} · clearhub console`;
  }, [state.kind, found?.page.title]);

  if (state.kind === "checking") return <p class="boot">Loading the clearhub console…</p>;
  if (state.kind === "unreachable") {
    return (
      <main id="main" class="login">
        <h1>clearhub console</h1>
        <ProblemNotice problem={state.problem} />
      </main>
    );
  }
  if (state.kind === "anonymous") {
    return <LoginPage onLoggedIn={(session) => setState({ kind: "in", session })} />;
  }
  const { session } = state;
  const signOut = () => {
    void logOut().finally(() => setState({ kind: "anonymous" }));
  };
  return (
    <div class="layout">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">clearhub console</span>
        <span class="who">
          {session.operator.name} <span class="role">{session.operator.role}</span>
        </span>
        <button type="button" onClick={signOut}>
          Log out
        </button>
      </header>
      <nav aria-label="Console">
        <ul>
          {consolePages
            .filter((page) => page.nav !== undefined)
            .map((page) => (
              <li key={page.path}>
                <Link
                  href={page.path}
                  aria-current={isCurrent(page, location.path) ? "page" : undefined}
                >
                  {page.nav}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main">
        {found === undefined ? (
          <>
            <h1>Not found</h1>
            <p>
              The console has no page at this address.{" "}
              <Link href={homePath}>Go to the overview</Link>.
            </p>
          </>
        ) : (
          // A new key per address: a page's state never leaks into the next one it shows.
          <div key={location.path}>{found.page.render(found.params, session)}</div>
        )}
      </main>
    </div>
  );
}
