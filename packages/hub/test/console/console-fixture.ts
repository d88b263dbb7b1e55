/**
 * A hub listening on a free port, Chromium, and what every console test does with them: call
 * the operator API directly (to set up, and to learn what the page must show), open the console
 * in a fresh browser context, and close it after checking nothing went wrong on its console.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { type ListeningHub, openListeningHub } from "../api/listening-hub.ts";
import type { Backend } from "../support/backends.ts";
import { launchChromium, type PageWatch, watchPage } from "./console-browser.ts";

export interface ConsoleTab {
  readonly page: Page;
  readonly watch: PageWatch;
  readonly context: BrowserContext;
}

export interface ConsoleFixture {
  readonly hub: ListeningHub;
  /** Calls the operator API with the harness's token; fails the test on a refusal. */
  api<T>(method: "GET" | "POST" | "PUT" | "PATCH", url: string, body?: unknown): Promise<T>;
  /** Opens `/console{path}` in a browser context of its own, logged in. */
  openConsole(path: string): Promise<ConsoleTab>;
  /** Fails on any console error or CSP violation the tab saw, then closes it. */
  closeClean(tab: ConsoleTab): Promise<void>;
  dispose(): Promise<void>;
}

export async function openConsoleFixture(backend: Backend): Promise<ConsoleFixture> {
  const hub = await openListeningHub(backend);
  let browser: Browser;
  try {
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
    async openConsole(path) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        extraHTTPHeaders: { authorization: `Bearer ${hub.token}` },
      });
      await context.route("**/operator/v1/session", (route) =>
        route.fulfill({
          json: {
            operator: { id: "op-1", name: "test operator", role: "admin" },
            csrfToken: "stand-in",
            expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        }),
      );
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(`${hub.origin}/console${path}`);
      return { page, watch, context };
    },
    async closeClean(tab) {
      expect(tab.watch.errors).toEqual([]);
      await tab.context.close();
    },
    async dispose() {
      await browser.close();
      await hub.dispose();
    },
  };
}

/** The text of the page's first-level heading, once there is one. */
export function headingOf(page: Page): Promise<string | null> {
  return page.getByRole("heading", { level: 1 }).textContent();
}
