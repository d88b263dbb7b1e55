/**
 * A hub listening on a free port, Chromium, and what every console test does with them: call
 * the operator API directly (to set up, and to learn what the page must show), open the console
 * in a fresh browser context, and close it after checking nothing went wrong on its console.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { OperatorRole } from "../../src/domain/operators/operator-role.ts";
import { type ListeningHub, openListeningHub } from "../api/listening-hub.ts";
import type { Backend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import type { TestHubOptions } from "../support/test-hub.ts";
import { launchChromium, type PageWatch, watchPage } from "./console-browser.ts";

export interface ConsoleTab {
  readonly page: Page;
  readonly watch: PageWatch;
  readonly context: BrowserContext;
}

/** The operator accounts every console test can log in as, by name. */
export const consoleOperators = {
  "ada-admin": "admin",
  "otto-operator": "operator",
  "olga-operator": "operator",
  "vera-viewer": "viewer",
} as const satisfies Record<string, OperatorRole>;
export type ConsoleOperator = keyof typeof consoleOperators;
const consolePassword = "correct horse battery staple";

export interface ConsoleFixture {
  readonly hub: ListeningHub;
  /** Calls the operator API with the harness's admin token; fails the test on a refusal. */
  api<T>(method: "GET" | "POST" | "PUT" | "PATCH", url: string, body?: unknown): Promise<T>;
  /**
   * Opens `/console{path}` in a browser context of its own and logs in there through the login
   * page, as `operator` (the admin by default); the page is then the one asked for.
   */
  openConsole(
    path: string,
    operator?: ConsoleOperator,
    options?: OpenConsoleOptions,
  ): Promise<ConsoleTab>;
  /** Fails on any console error or CSP violation the tab saw, then closes it. */
  closeClean(tab: ConsoleTab): Promise<void>;
  dispose(): Promise<void>;
}

export interface OpenConsoleOptions {
  /**
   * Installs Playwright's clock in the page before it loads: time flows as usual until the test
   * pauses it, then the page's timers (a live page's refresh) fire only when the test runs it on.
   */
  readonly fakeTimers?: boolean;
}

export async function openConsoleFixture(
  backend: Backend,
  hubOptions: TestHubOptions = {},
): Promise<ConsoleFixture> {
  const hub = await openListeningHub(backend, hubOptions);
  let browser: Browser;
  try {
    for (const [name, role] of Object.entries(consoleOperators)) {
      const created = await hub.hub.operatorAccounts.create(
        { name, role, password: consolePassword },
        testActor,
      );
      if (!created.ok) throw new Error(`operator ${name} not created: ${created.code}`);
    }
    browser = await launchChromium();
  } catch (error) {
    await hub.dispose();
    throw error;
  }
  return {
    hub,
    async api<T>(method: "GET" | "POST" | "PUT" | "PATCH", url: string, body?: unknown) {
      const response = await hub.call(method, `/operator/v1${url}`, body);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json() as T;
    },
    async openConsole(path, operator = "ada-admin", options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const watch = watchPage(page);
      if (options.fakeTimers === true) await page.clock.install();
      await page.goto(`${hub.origin}/console${path}`);
      await logIn(page, operator);
      return { page, watch, context };
    },
    async closeClean(tab) {
      expect(unexpectedErrors(tab)).toEqual([]);
      await tab.context.close();
    },
    async dispose() {
      await browser.close();
      await hub.dispose();
    },
  };
}

/** Logs in on the login page the console shows to a browser without a session. */
export async function logIn(page: Page, operator: ConsoleOperator): Promise<void> {
  const form = page.getByRole("form", { name: "Log in" });
  await form.getByLabel("Operator name").fill(operator);
  await form.getByLabel("Password").fill(consolePassword);
  await form.getByRole("button", { name: "Log in" }).click();
  await eventually(() => page.locator(".who").textContent()).toContain(operator);
}

/** What the tab's console reported, but the session probe of its login page. */
export function unexpectedErrors(tab: ConsoleTab): string[] {
  return tab.watch.errors.filter((error) => !isSessionProbe(error));
}

/**
 * Chromium's console line for the 401 a browser without a session gets when the console asks
 * who is logged in: the expected way to learn it must show the login page.
 */
function isSessionProbe(error: string): boolean {
  return /status of 401 .*\/operator\/v1\/session\)$/.test(error);
}

/**
 * Reads again until the assertion that follows holds: a page shows what it fetched a moment
 * after it opens. Generous, because this machine is shared; a passing check returns at once.
 */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

/** The text of the page's first-level heading, once there is one. */
export function headingOf(page: Page): Promise<string | null> {
  return page.getByRole("heading", { level: 1 }).textContent();
}
