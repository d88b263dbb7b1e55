import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { percentile, round } from "./bench-store.ts";

export interface PageLoadOptions {
  readonly base: string;
  readonly chromiumPath: string;
  readonly operator: { readonly name: string; readonly password: string };
  /** Participant rows the overview draws at first: every one up to the console's limit. */
  readonly rowsExpected: number;
  readonly loads: number;
}

export interface PageLoadFigures {
  /** The first load, with nothing cached: the bundle and the stylesheet come over the wire. */
  readonly firstLoadMs: number;
  /** From navigation to the overview drawn with every participant and the page answering. */
  readonly interactiveP50Ms: number;
  readonly interactiveMaxMs: number;
  /** Chromium's own domInteractive (the HTML parsed), for comparison. */
  readonly domInteractiveP50Ms: number;
  /** When the overview's answer had arrived, from the page's start: the rest is drawing. */
  readonly overviewAnsweredP50Ms: number;
}

/** Flags for a machine without a GPU, a sandbox or network beyond loopback. */
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Times the console's first page as an operator meets it: logged in (the session cookie is in
 * the browser), a fresh page opens /console/overview, and the clock stops when the network
 * overview shows its participants (those nearest their caps, up to the console's limit) and
 * the page's main thread answers. Each load is a new page
 * on the same browser, so the bundle may come from the HTTP cache, as it does for a returning
 * operator.
 */
export async function timeConsolePageLoads(options: PageLoadOptions): Promise<PageLoadFigures> {
  // A development dependency: production installs can still run the bench with --page-loads 0.
  const { chromium } = await import("playwright-core");
  const userDataDir = await mkdtemp(join(tmpdir(), "clearhub-bench-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  try {
    const login = await context.request.post(`${options.base}/operator/v1/session`, {
      data: options.operator,
    });
    if (!login.ok()) throw new Error(`console login answered ${login.status()}`);
    const interactive = new Float64Array(options.loads);
    const domInteractive = new Float64Array(options.loads);
    const overviewAnswered = new Float64Array(options.loads);
    const rows = "tr[data-participant]";
    for (let load = 0; load < options.loads; load++) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${options.base}/console/overview`);
      await page.waitForSelector(rows, { timeout: 30_000 });
      // A frame drawn after the rows: the main thread is free to answer the operator.
      await page.evaluate("new Promise((resolve) => requestAnimationFrame(resolve))");
      interactive[load] = performance.now() - started;
      // Preact draws a list in one pass: once the first row is there, all of them are.
      const drawn = await page.locator(rows).count();
      if (drawn !== options.rowsExpected) {
        throw new Error(`the overview drew ${drawn} participant rows, not ${options.rowsExpected}`);
      }
      overviewAnswered[load] = Number(
        await page.evaluate(
          'performance.getEntriesByType("resource").find((entry) => entry.name.endsWith("/operator/v1/network-overview"))?.responseEnd ?? 0',
        ),
      );
      domInteractive[load] = Number(
        await page.evaluate('performance.getEntriesByType("navigation")[0]?.domInteractive ?? 0'),
      );
      await page.close();
    }
    const firstLoadMs = round(interactive[0] ?? 0, 1);
    interactive.sort();
    domInteractive.sort();
    overviewAnswered.sort();
    return {
      firstLoadMs,
      interactiveP50Ms: round(percentile(interactive, 0.5), 1),
      interactiveMaxMs: round(interactive[interactive.length - 1] ?? 0, 1),
      domInteractiveP50Ms: round(percentile(domInteractive, 0.5), 1),
      overviewAnsweredP50Ms: round(percentile(overviewAnswered, 0.5), 1),
    };
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
