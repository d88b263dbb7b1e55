/**
 * Debian's Chromium, driven by playwright-core, for the console's end-to-end tests. No browser
 * is ever downloaded: when /usr/bin/chromium (or CLEARHUB_TEST_CHROMIUM) is missing the tests
 * are skipped with a message, except under CI=true, where they fail.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const chromiumExecutablePath = process.env.CLEARHUB_TEST_CHROMIUM ?? "/usr/bin/chromium";

/** Where the screenshots of the main pages go, to be looked at; git ignores the directory. */
export const screenshotDir = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../test-artifacts/console",
);

export function chromiumAvailable(): boolean {
  if (existsSync(chromiumExecutablePath)) return true;
  const message = `Chromium is not at ${chromiumExecutablePath}: install Debian's chromium package (apt-get install -y chromium) or set CLEARHUB_TEST_CHROMIUM.`;
  if (process.env.CI === "true") {
    throw new Error(
      `${message} Under CI=true the console's browser tests must run, not be skipped.`,
    );
  }
  console.warn(`[clearhub tests] ${message} Skipping the console's browser tests.`);
  return false;
}

/** Headless, quiet, with a fresh temporary profile that Playwright deletes on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-gpu",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PageWatch {
  /** Console errors, uncaught exceptions and Content-Security-Policy violations, in order. */
  readonly errors: string[];
}

/**
 * Records what must never happen on a console page: an error on its console (Chromium reports
 * CSP violations there) or an uncaught exception. `expectedFailures` lets a test that provokes
 * a refusal on purpose accept Chromium's "failed to load resource" line for that status.
 */
export function watchPage(page: Page): PageWatch {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      errors.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  return { errors };
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core in the page and fails on serious or critical violations. The script is
 * evaluated through the DevTools protocol, which the page's CSP does not govern, so the check
 * needs no exception in the policy under test.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  axeSource ??= await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  const serious = (violations as AxeViolation[])
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
  expect(serious, `accessibility of ${what}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
